{{/*
Templates shared by the stand-ins of upstream charts. A stand-in renders only the resources
infra's catalog waits for, with the names the upstream chart gives them. Its pods run nowhere:
kwok reports them Ready, after `standin.readyAfter` (a Go duration, per pod annotation) through
the release's Stage below, which outweighs kwok's own pod-ready Stage.

Workload templates take a dict: root (the chart's context), name, and optionally namespace
(for what an operator makes in another one; default the release's), replicas,
claims (volumeClaimTemplates: list of {name, size, storageClass}) and volumes (pod volumes;
nothing mounts them, as no container runs).
*/}}

{{/* The usual helm fullname: fullnameOverride, else the release name if it holds the chart's name, else both. */}}
{{- define "standin.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "standin.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
standins.infra.dev/release: {{ printf "%s.%s" .root.Release.Namespace .root.Release.Name | trunc 63 | trimSuffix "." }}
{{- end -}}

{{- define "standin.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "standin.pod" -}}
metadata:
  labels:
    {{- include "standin.labels" . | nindent 4 }}
  annotations:
    standins.infra.dev/ready-after: {{ .root.Values.standin.readyAfter | quote }}
spec:
  containers:
    - name: main
      image: registry.k8s.io/pause:3.10
  {{- with .volumes }}
  volumes:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{- define "standin.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "standin.labels" . | nindent 4 }}
spec:
  replicas: {{ .replicas | default 1 }}
  selector:
    matchLabels:
      {{- include "standin.selector" . | nindent 6 }}
  template:
    {{- include "standin.pod" . | nindent 4 }}
{{- end -}}

{{- define "standin.statefulset" -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "standin.labels" . | nindent 4 }}
spec:
  replicas: {{ .replicas | default 1 }}
  serviceName: {{ .name }}
  selector:
    matchLabels:
      {{- include "standin.selector" . | nindent 6 }}
  template:
    {{- include "standin.pod" . | nindent 4 }}
  {{- with .claims }}
  volumeClaimTemplates:
    {{- range . }}
    - metadata:
        name: {{ .name }}
      spec:
        accessModes: [ReadWriteOnce]
        {{- with .storageClass }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ .size }}
    {{- end }}
  {{- end }}
{{- end -}}

{{- define "standin.daemonset" -}}
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "standin.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "standin.selector" . | nindent 6 }}
  template:
    {{- include "standin.pod" . | nindent 4 }}
{{- end -}}

{{- define "standin.claim" -}}
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ .name }}
  labels:
    {{- include "standin.labels" . | nindent 4 }}
spec:
  accessModes: [ReadWriteOnce]
  {{- with .storageClass }}
  storageClassName: {{ . }}
  {{- end }}
  resources:
    requests:
      storage: {{ .size }}
{{- end -}}

{{/* kwok's pod-ready, for this release's pods only, after their ready-after annotation; weight 1 wins over kwok's weight 0. */}}
{{- define "standin.podReadyStage" -}}
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: {{ printf "standin-pods-%s-%s" .Release.Namespace .Release.Name | trunc 63 | trimSuffix "-" }}
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchLabels:
      standins.infra.dev/release: {{ printf "%s.%s" .Release.Namespace .Release.Name | trunc 63 | trimSuffix "." }}
    matchExpressions:
      - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
      - {key: .status.podIP, operator: DoesNotExist}
  weight: 1
  delay:
    durationFrom:
      expressionFrom: '.metadata.annotations["standins.infra.dev/ready-after"]'
  next:
    statusTemplate: |
      {{`{{ $now := Now }}
      conditions:
      - {type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }}}
      - {type: Ready, status: "True", lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "True", lastTransitionTime: {{ $now | Quote }}}
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: true
        restartCount: 0
        state:
          running:
            startedAt: {{ $now | Quote }}
      {{ end }}
      hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
      podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
      phase: Running
      startTime: {{ $now | Quote }}`}}
{{- end -}}

{{/*
What an operator would do to its custom resources: once a resource of `kind` (group/version
`apiGroup`) has no conditions, after `standin.operatorDelayMilliseconds`, set `conditions`
(a list of {type, status, reason}) on its status.
*/}}
{{- define "standin.conditionStage" -}}
{{- $name := printf "standin-%s-%s" (lower .kind) .root.Release.Name | trunc 63 | trimSuffix "-" }}
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: {{ $name }}
  labels:
    {{- /* kwok sets it to done; an upgrade keeps that (helm 4 would fail on the field kwok owns) */}}
    standins.infra.dev/nudge: {{ dig "metadata" "labels" "standins.infra.dev/nudge" "pending" (lookup "kwok.x-k8s.io/v1alpha1" "Stage" "" $name) }}
spec:
  resourceRef:
    apiGroup: {{ .apiGroup }}
    kind: {{ .kind }}
  selector:
    matchExpressions:
      - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
      - {key: .status.conditions, operator: DoesNotExist}
  delay:
    durationMilliseconds: {{ .root.Values.standin.operatorDelayMilliseconds }}
  next:
    patches:
      - subresource: status
        root: status
        template: |
          conditions:
          {{- range .conditions }}
          - type: {{ .type }}
            status: {{ .status | quote }}
            reason: {{ .reason }}
            message: set by the stand-in's kwok Stage
            lastTransitionTime: {{`{{ Now | Quote }}`}}
          {{- end }}
{{- end -}}


{{/*
kwok starts acting on a Stage's kind only if the API server already serves the OpenAPI schema of
that kind; a Stage applied right after its CRD can miss it (kwok logs "not found as OpenAPI V3
path"), and kwok tries again only when some Stage changes. So this Stage changes the release's
condition Stages one second after they appear, which makes kwok try again.
*/}}
{{- define "standin.nudgeStage" -}}
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: {{ printf "standin-nudge-%s" .Release.Name | trunc 63 | trimSuffix "-" }}
spec:
  resourceRef:
    apiGroup: kwok.x-k8s.io/v1alpha1
    kind: Stage
  selector:
    matchLabels:
      standins.infra.dev/nudge: pending
  delay:
    durationMilliseconds: 1000
  next:
    patches:
      - root: metadata
        template: |
          labels:
            standins.infra.dev/nudge: done
{{- end -}}
