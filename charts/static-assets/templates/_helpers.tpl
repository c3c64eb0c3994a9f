{{- define "static-assets.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "static-assets.labels" -}}
{{ include "static-assets.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* Each role has its own nginx server (port), Service and Ingress. */}}
{{- define "static-assets.roles" -}}
static-assets: 8080
default-route: 8081
maintenance: 8082
{{- end -}}

{{/*
The maintenance ingress's class: the live class when maintenance.enabled is true, the disabled
class when false, and when unset whatever the cluster has now (so that an upgrade does not end a
maintenance that `infra maintenance on` started).
*/}}
{{- define "static-assets.maintenanceClass" -}}
{{- $on := .Values.maintenance.enabled -}}
{{- if kindIs "invalid" $on -}}
{{- $live := lookup "networking.k8s.io/v1" "Ingress" .Release.Namespace (printf "%s-maintenance" .Release.Name) -}}
{{- $liveClass := dig "spec" "ingressClassName" "" $live -}}
{{- $on = and $liveClass (ne $liveClass .Values.maintenance.disabledClass) -}}
{{- end -}}
{{- ternary .Values.ingressClass .Values.maintenance.disabledClass (not (not $on)) -}}
{{- end -}}

{{/* The maintenance message: the value when set, else the cluster's current one. */}}
{{- define "static-assets.maintenanceMessage" -}}
{{- if kindIs "invalid" .Values.maintenance.message -}}
{{- $live := lookup "v1" "ConfigMap" .Release.Namespace (printf "%s-maintenance" .Release.Name) -}}
{{- dig "data" "message" "" $live -}}
{{- else -}}
{{- .Values.maintenance.message -}}
{{- end -}}
{{- end -}}

{{- define "static-assets.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: {drop: [ALL]}
{{- end -}}
