{{/* Fails early on a tier the chart does not know; templates then read index .Values .Values.tier. */}}
{{- define "app.checkTier" -}}
{{- if not (has .Values.tier (list "database" "backend" "frontend")) -}}
{{- fail (printf "tier must be database, backend or frontend (got %q)" .Values.tier) -}}
{{- end -}}
{{- end -}}

{{- define "app.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: {{ .Values.tier }}
{{- end -}}

{{- define "app.labels" -}}
{{ include "app.selectorLabels" . }}
app.kubernetes.io/part-of: app
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "app.image" -}}
{{ .repository }}:{{ .tag }}
{{- end -}}

{{/* POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD, each from the generated secret. */}}
{{- define "app.credentialsEnv" -}}
{{- range list "POSTGRES_DB" "POSTGRES_USER" "POSTGRES_PASSWORD" }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.credentialsSecret }}
      key: {{ . }}
{{- end }}
{{- end -}}
