{{/* The chart's name. */}}
{{- define "monsterbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name, at most 52 characters so suffixes fit. */}}
{{- define "monsterbot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every object; pass (dict "ctx" $ "component" "webhook"). */}}
{{- define "monsterbot.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" }}
{{ include "monsterbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: monsterbot
{{- end }}

{{/* Selector labels; pass (dict "ctx" $ "component" "webhook"). */}}
{{- define "monsterbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "monsterbot.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "monsterbot.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "monsterbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (printf "%s-webhook" (include "monsterbot.fullname" .)) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "monsterbot.secretName" -}}
{{- default (printf "%s-line" (include "monsterbot.fullname" .)) .Values.line.existingSecret }}
{{- end }}

{{/* The webhook container, shared by the Deployment and the Knative Service. */}}
{{- define "monsterbot.webhookContainer" -}}
name: webhook
image: {{ include "monsterbot.image" . }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
ports:
  - name: http1 # the name Knative requires; the Service targets it too
    containerPort: 8080
    protocol: TCP
env:
  - name: PORT
    value: "8080"
  - name: LINE_CHANNEL_SECRET
    valueFrom:
      secretKeyRef:
        name: {{ include "monsterbot.secretName" . }}
        key: {{ .Values.line.secretKeys.channelSecret }}
  - name: LINE_CHANNEL_ACCESS_TOKEN
    valueFrom:
      secretKeyRef:
        name: {{ include "monsterbot.secretName" . }}
        key: {{ .Values.line.secretKeys.channelAccessToken }}
  {{- with .Values.line.apiEndpoint }}
  - name: LINE_API_ENDPOINT
    value: {{ . | quote }}
  {{- end }}
  {{- if .Values.knowledge.configMap }}
  - name: MONSTERBOT_KNOWLEDGE
    value: /etc/monsterbot/knowledge
  {{- end }}
  - name: MONSTERBOT_KUBERNETES
    value: {{ ternary "1" "0" .Values.knowledge.watchEventBindings | quote }}
  - name: MONSTERBOT_NAMESPACE
    value: {{ default .Release.Namespace .Values.knowledge.namespace | quote }}
  - name: MONSTERBOT_DEFAULT_GAME
    value: {{ .Values.config.defaultGame | quote }}
  - name: MONSTERBOT_GROUP_MODE
    value: {{ .Values.config.groupMode | quote }}
  - name: MONSTERBOT_LOG_FORMAT
    value: {{ .Values.config.logFormat | quote }}
  - name: MONSTERBOT_QUERY_LOG
    value: {{ ternary "on" "off" .Values.config.queryLog | quote }}
  - name: MONSTERBOT_LINE_TIMEOUT
    value: {{ .Values.config.lineTimeoutSeconds | quote }}
  - name: MONSTERBOT_RELOAD_INTERVAL
    value: {{ .Values.config.reloadIntervalSeconds | quote }}
  - name: MONSTERBOT_MAX_BODY_BYTES
    value: {{ .Values.config.maxBodyBytes | int | quote }}
  - name: MONSTERBOT_SOURCE
    value: {{ .Values.config.source | quote }}
  - name: WEB_CONCURRENCY
    value: {{ .Values.config.webConcurrency | quote }}
  - name: GUNICORN_THREADS
    value: {{ .Values.config.threads | quote }}
  {{- if .Values.config.accessLog }}
  - name: GUNICORN_ACCESS_LOG
    value: "-"
  {{- end }}
  - name: MONSTERBOT_DATA_DIR
    value: /data
  - name: PROMETHEUS_MULTIPROC_DIR
    value: /tmp/metrics
  - name: MONSTERBOT_INTERNAL_PORT # /metrics and the detailed /readyz: never routed publicly
    value: "8090"
  - name: MONSTERBOT_SHUTDOWN_GRACE # under the pod's 30 s termination grace
    value: "25"
  - name: MONSTERBOT_EVENT_LEASE
    value: "30"
  - name: MONSTERBOT_RELOAD_MIN_SHARE
    value: "0.5"
  {{- if .Values.database.existingSecret }}
  - name: DATABASE_URL
    valueFrom:
      secretKeyRef:
        name: {{ .Values.database.existingSecret }}
        key: {{ .Values.database.key }}
  {{- end }}
  {{- with .Values.redis.url }}
  - name: REDIS_URL
    value: {{ . | quote }}
  {{- end }}
startupProbe:
  httpGet: {path: /healthz, port: 8080}
  periodSeconds: 2
  failureThreshold: 30
livenessProbe:
  httpGet: {path: /healthz, port: 8080}
  periodSeconds: 10
readinessProbe:
  httpGet: {path: /readyz, port: 8080}
  periodSeconds: 5
resources:
  {{- toYaml .Values.resources | nindent 2 }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
volumeMounts:
  - name: data
    mountPath: /data
  - name: tmp
    mountPath: /tmp
  {{- if .Values.knowledge.configMap }}
  - name: knowledge
    mountPath: /etc/monsterbot/knowledge
    readOnly: true
  {{- end }}
{{- end }}

{{- define "monsterbot.webhookVolumes" -}}
- name: data
  emptyDir: {}
- name: tmp
  emptyDir: {}
{{- if .Values.knowledge.configMap }}
- name: knowledge
  configMap:
    name: {{ include "monsterbot.fullname" . }}-knowledge
{{- end }}
{{- end }}

{{/* Pod annotations: a checksum of the knowledge so `helm upgrade` rolls the pods when it changes. */}}
{{- define "monsterbot.podAnnotations" -}}
{{- if .Values.knowledge.configMap }}
checksum/knowledge: {{ include (print $.Template.BasePath "/configmap-knowledge.yaml") . | sha256sum }}
{{- end }}
prometheus.io/scrape: "true"
prometheus.io/port: "8080"
prometheus.io/path: /metrics
{{- with .Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}
