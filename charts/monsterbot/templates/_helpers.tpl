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

{{/* The image, by digest when one is given. */}}
{{- define "monsterbot.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
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

{{/* The webhook's internal port (MONSTERBOT_INTERNAL_PORT): /metrics and the detailed /readyz answer only there. */}}
{{- define "monsterbot.internalPort" -}}
8090
{{- end }}

{{/* Requests a Knative pod serves at once: gunicorn workers × threads (the threads serve one request each; the
     webhook, on each worker's event loop when no network store is used, holds at most that many waits for LINE). */}}
{{- define "monsterbot.capacity" -}}
{{- mul .Values.config.webConcurrency .Values.config.threads }}
{{- end }}

{{/*
The webhook pod template: the one description of the webhook's pod. The Deployment and the Knative Service
render it, and so does the operator's ConfigMap, from which the operator makes each Bot's pods (filling in only
the Bot's credentials, namespace, knowledge and labels). Pass (dict "ctx" $ "knative" true|false).
*/}}
{{- define "monsterbot.webhookPod" -}}
{{- $ := .ctx }}
{{- $knative := .knative }}
metadata:
  labels:
    {{- include "monsterbot.labels" (dict "ctx" $ "component" "webhook") | nindent 4 }}
    {{- with $.Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    {{- if $knative }}
    autoscaling.knative.dev/min-scale: {{ $.Values.knative.minScale | quote }}
    autoscaling.knative.dev/initial-scale: {{ $.Values.knative.initialScale | quote }}
    autoscaling.knative.dev/max-scale: {{ $.Values.knative.maxScale | quote }}
    autoscaling.knative.dev/metric: concurrency
    autoscaling.knative.dev/target-utilization-percentage: {{ $.Values.knative.targetUtilizationPercentage | quote }}
    {{- end }}
    {{- include "monsterbot.podAnnotations" $ | nindent 4 }}
spec:
  serviceAccountName: {{ include "monsterbot.serviceAccountName" $ }}
  {{- if not $knative }}{{/* Knative takes it from the ServiceAccount */}}
  automountServiceAccountToken: {{ $.Values.knowledge.watchEventBindings }}
  {{- end }}
  {{- with $.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $knative }}
  containerConcurrency: {{ include "monsterbot.capacity" $ }}
  timeoutSeconds: {{ $.Values.knative.timeoutSeconds }}
  {{- else }}
  securityContext:
    {{- toYaml $.Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ $.Values.terminationGracePeriodSeconds }}
  {{- end }}
  containers:
    - {{- include "monsterbot.webhookContainer" (dict "ctx" $ "knative" $knative) | nindent 6 }}
  volumes:
    - name: data
      emptyDir: {}
    - name: tmp
      emptyDir: {}
    {{- if $.Values.knowledge.configMap }}
    - name: knowledge
      configMap:
        name: {{ include "monsterbot.fullname" $ }}-knowledge
    {{- end }}
    {{- with $.Values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- if not $knative }}{{/* Knative refuses these unless its podspec feature flags are on */}}
  {{- include "monsterbot.scheduling" (dict "ctx" $ "values" $.Values "component" "webhook") | nindent 2 }}
  {{- end }}
{{- end }}

{{/* nodeSelector, affinity, tolerations and topology spread of a workload; pass (dict "ctx" $ "values" <values of the workload> "component" <component>). */}}
{{- define "monsterbot.scheduling" -}}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- range . }}
  - {{- toYaml . | nindent 4 }}
    {{- if not .labelSelector }}
    labelSelector:
      matchLabels:
        {{- include "monsterbot.selectorLabels" (dict "ctx" $.ctx "component" $.component) | nindent 8 }}
    {{- end }}
  {{- end }}
{{- end }}
{{- end }}

{{/* A probe from values; Knative takes the container's only port itself, so the port is left out there. Knative's
     readiness probe has no periodSeconds: without one its queue-proxy probes aggressively (every few tens of ms)
     until the pod is ready, so a pod scaled from zero takes traffic at once instead of up to a period later. */}}
{{- define "monsterbot.probe" -}}
httpGet:
  path: {{ .probe.path }}
  {{- if not .knative }}
  port: http1
  {{- end }}
{{- range $key, $value := omit .probe "path" }}
{{- if not (and $.knative $.readiness (eq $key "periodSeconds")) }}
{{ $key }}: {{ $value }}
{{- end }}
{{- end }}
{{- end }}

{{/* The webhook container; pass (dict "ctx" $ "knative" true|false). */}}
{{- define "monsterbot.webhookContainer" -}}
{{- $ := .ctx }}
name: webhook
image: {{ include "monsterbot.image" $ }}
imagePullPolicy: {{ $.Values.image.pullPolicy }}
ports:
  - name: http1 # the name Knative requires; the Service targets it too
    containerPort: 8080
    protocol: TCP
  {{- if not .knative }}{{/* Knative allows one container port: there 8090 stays unrouted, scraped at the pod's IP */}}
  - name: metrics # /metrics and the detailed /readyz; never behind the public Service or the Ingress
    containerPort: {{ include "monsterbot.internalPort" . }}
    protocol: TCP
  {{- end }}
env:
  - name: PORT
    value: "8080"
  - name: LINE_CHANNEL_SECRET
    valueFrom:
      secretKeyRef:
        name: {{ include "monsterbot.secretName" $ }}
        key: {{ $.Values.line.secretKeys.channelSecret }}
  - name: LINE_CHANNEL_ACCESS_TOKEN
    valueFrom:
      secretKeyRef:
        name: {{ include "monsterbot.secretName" $ }}
        key: {{ $.Values.line.secretKeys.channelAccessToken }}
  {{- with $.Values.line.apiEndpoint }}
  - name: LINE_API_ENDPOINT
    value: {{ . | quote }}
  {{- end }}
  {{- if $.Values.knowledge.configMap }}
  - name: MONSTERBOT_KNOWLEDGE
    value: /etc/monsterbot/knowledge
  {{- end }}
  - name: MONSTERBOT_KUBERNETES
    value: {{ ternary "1" "0" $.Values.knowledge.watchEventBindings | quote }}
  - name: MONSTERBOT_NAMESPACE
    value: {{ default $.Release.Namespace $.Values.knowledge.namespace | quote }}
  - name: MONSTERBOT_BOT
    value: {{ $.Values.knowledge.bot | quote }}
  - name: MONSTERBOT_BOT_SELECTOR
    value: {{ include "monsterbot.labelSelector" $.Values.knowledge.botSelector | quote }}
  - name: MONSTERBOT_DEFAULT_GAME
    value: {{ $.Values.config.defaultGame | quote }}
  - name: MONSTERBOT_GROUP_MODE
    value: {{ $.Values.config.groupMode | quote }}
  - name: MONSTERBOT_LOG_FORMAT
    value: {{ $.Values.config.logFormat | quote }}
  - name: MONSTERBOT_QUERY_LOG
    value: {{ ternary "on" "off" $.Values.config.queryLog | quote }}
  - name: MONSTERBOT_QUERY_LOG_DAYS
    value: {{ $.Values.config.queryLogDays | quote }}
  - name: MONSTERBOT_LINE_TIMEOUT
    value: {{ $.Values.config.lineTimeoutSeconds | quote }}
  - name: MONSTERBOT_REPLY_HOLD
    value: {{ $.Values.config.replyHoldSeconds | quote }}
  - name: MONSTERBOT_RELOAD_INTERVAL
    value: {{ $.Values.config.reloadIntervalSeconds | quote }}
  - name: MONSTERBOT_MAX_BODY_BYTES
    value: {{ $.Values.config.maxBodyBytes | int | quote }}
  - name: MONSTERBOT_SOURCE
    value: {{ $.Values.config.source | quote }}
  - name: MONSTERBOT_MEMORY
    value: {{ ternary "on" "off" $.Values.config.memory | quote }}
  - name: MONSTERBOT_MEMORY_TTL
    value: {{ $.Values.config.memoryTtlSeconds | quote }}
  - name: WEB_CONCURRENCY
    value: {{ $.Values.config.webConcurrency | quote }}
  - name: GUNICORN_THREADS
    value: {{ $.Values.config.threads | quote }}
  - name: MONSTERBOT_HEADER_TIMEOUT
    value: {{ $.Values.config.headerTimeoutSeconds | quote }}
  - name: MONSTERBOT_IDLE_TIMEOUT
    value: {{ $.Values.config.idleTimeoutSeconds | int | quote }}
  - name: MONSTERBOT_MAX_CONNECTIONS
    value: {{ $.Values.config.maxConnections | int | quote }}
  {{- if $.Values.config.accessLog }}
  - name: GUNICORN_ACCESS_LOG
    value: "-"
  {{- end }}
  - name: MONSTERBOT_DATA_DIR
    value: /data
  - name: PROMETHEUS_MULTIPROC_DIR
    value: /tmp/metrics
  - name: MONSTERBOT_INTERNAL_PORT # /metrics and the detailed /readyz: never routed publicly
    value: {{ include "monsterbot.internalPort" . | quote }}
  - name: MONSTERBOT_INTERNAL_HOST # Prometheus scrapes the pod's address; the NetworkPolicy admits only metricsFrom
    value: "0.0.0.0"
  - name: MONSTERBOT_SHUTDOWN_GRACE # the checks keep it 5 s under the pod's termination grace
    value: {{ $.Values.config.shutdownGraceSeconds | quote }}
  - name: MONSTERBOT_EVENT_LEASE
    value: {{ $.Values.config.eventLeaseSeconds | quote }}
  - name: MONSTERBOT_RELOAD_MIN_SHARE
    value: {{ $.Values.config.reloadMinShare | quote }}
  {{- if $.Values.database.existingSecret }}
  - name: DATABASE_URL
    valueFrom:
      secretKeyRef:
        name: {{ $.Values.database.existingSecret }}
        key: {{ $.Values.database.key }}
  {{- end }}
  {{- with $.Values.redis.url }}
  - name: REDIS_URL
    value: {{ . | quote }}
  {{- end }}
  {{- with $.Values.extraEnv }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- if not .knative }}{{/* older Knative releases refuse startupProbe */}}
startupProbe:
  {{- include "monsterbot.probe" (dict "probe" $.Values.probes.startup "knative" .knative) | nindent 2 }}
{{- end }}
livenessProbe:
  {{- include "monsterbot.probe" (dict "probe" $.Values.probes.liveness "knative" .knative) | nindent 2 }}
readinessProbe:
  {{- include "monsterbot.probe" (dict "probe" $.Values.probes.readiness "knative" .knative "readiness" true) | nindent 2 }}
resources:
  {{- toYaml $.Values.resources | nindent 2 }}
securityContext:
  {{- toYaml $.Values.securityContext | nindent 2 }}
volumeMounts:
  - name: data
    mountPath: /data
  - name: tmp
    mountPath: /tmp
  {{- if $.Values.knowledge.configMap }}
  - name: knowledge
    mountPath: /etc/monsterbot/knowledge
    readOnly: true
  {{- end }}
  {{- with $.Values.extraVolumeMounts }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* Pod annotations: checksums so `helm upgrade` rolls the pods when the knowledge or the chart's Secret changes. */}}
{{- define "monsterbot.podAnnotations" -}}
{{- if .Values.knowledge.configMap }}
checksum/knowledge: {{ include (print $.Template.BasePath "/configmap-knowledge.yaml") . | sha256sum }}
{{- end }}
{{- if not .Values.line.existingSecret }}
checksum/secret: {{ include (print $.Template.BasePath "/secret.yaml") . | sha256sum }}
{{- else if .Values.line.existingSecretVersion }}{{/* the chart cannot read a Secret it does not make: its owner says when it changed */}}
checksum/secret: {{ .Values.line.existingSecretVersion | toString | sha256sum }}
{{- end }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ include "monsterbot.internalPort" . | quote }}
prometheus.io/path: /metrics
{{- with .Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* What the operator may do in a namespace it reconciles: read Bots and EventBindings, write their status, and
make the webhook objects (it checks ownership itself before any update). */}}
{{- define "monsterbot.operatorRules" -}}
- apiGroups: ["monsterbot.io"]
  resources: ["bots", "eventbindings"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["monsterbot.io"]
  resources: ["bots/status", "eventbindings/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "create", "update"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "create", "update"]
- apiGroups: ["serving.knative.dev"]
  resources: ["services"]
  verbs: ["get", "create", "update"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}

{{/* The operator's config.yaml: the namespaces it reconciles, the allowlists, the webhook pod templates. */}}
{{- define "monsterbot.operatorConfig" -}}
clusterWide: {{ .Values.operator.clusterWide }}
watchNamespaces: {{ if .Values.operator.clusterWide }}[]{{ else }}{{ toJson (.Values.operator.watchNamespaces | default (list .Release.Namespace)) }}{{ end }}
allowedImages: {{ toJson .Values.operator.allowedImages }}
allowedServiceAccounts: {{ toJson .Values.operator.allowedServiceAccounts }}
maxReplicas: {{ .Values.operator.maxReplicas }}
maxScale: {{ .Values.operator.maxScale }}
allowedSecretKeys: {{ toJson .Values.operator.allowedSecretKeys }}
acceptDuplicateAnswers: {{ .Values.redis.acceptDuplicateAnswers }}
chartMakesAccounts: {{ .Values.serviceAccount.create }}
pods:
  deployment:
    {{- include "monsterbot.webhookPod" (dict "ctx" $ "knative" false) | nindent 4 }}
  knative:
    {{- include "monsterbot.webhookPod" (dict "ctx" $ "knative" true) | nindent 4 }}
{{- end }}

{{/* The most webhook pods the values let run at once (rolling updates aside). */}}
{{- define "monsterbot.maxPods" -}}
{{- if .Values.knative.enabled }}{{ .Values.knative.maxScale }}
{{- else if .Values.autoscaling.enabled }}{{ .Values.autoscaling.maxReplicas }}
{{- else }}{{ .Values.replicaCount }}
{{- end }}
{{- end }}

{{/* The fewest webhook pods the values keep running (a PodDisruptionBudget needs two, or no node could drain). */}}
{{- define "monsterbot.minPods" -}}
{{- if .Values.knative.enabled }}{{ .Values.knative.minScale }}
{{- else if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}
{{- else }}{{ .Values.replicaCount }}
{{- end }}
{{- end }}

{{/* Values the schema cannot judge alone: each a `fail` naming the values and the way out. */}}
{{- define "monsterbot.checks" -}}
{{- $pods := include "monsterbot.maxPods" . | int }}
{{- if and (gt $pods 1) (not .Values.redis.url) (not .Values.redis.acceptDuplicateAnswers) }}
{{- $what := ternary "knative.maxScale" (ternary "autoscaling.maxReplicas" "replicaCount" .Values.autoscaling.enabled) .Values.knative.enabled }}
{{- fail (printf "%s=%d without redis.url: each pod keeps its own record of the events it answered, so LINE's redelivery of an event may be answered twice (once per pod). Set redis.url (a Redis every pod shares), or %s=1, or redis.acceptDuplicateAnswers=true to accept duplicates." $what $pods $what) }}
{{- end }}
{{- $grace := ternary .Values.knative.timeoutSeconds .Values.terminationGracePeriodSeconds .Values.knative.enabled | int }}
{{- $needed := add .Values.config.shutdownGraceSeconds 5 | int }}
{{- if lt $grace $needed }}
{{- $what := ternary "knative.timeoutSeconds" "terminationGracePeriodSeconds" .Values.knative.enabled }}
{{- $why := ternary " (Knative makes it the pod's termination grace)" "" .Values.knative.enabled }}
{{- fail (printf "%s=%d%s is too short for config.shutdownGraceSeconds=%v: gunicorn needs the shutdown grace plus 5 s to send the queued replies and stop, so set it to at least %d (or lower config.shutdownGraceSeconds)." $what $grace $why .Values.config.shutdownGraceSeconds $needed) }}
{{- end }}
{{- if and (eq .Values.config.source "store") (not .Values.database.existingSecret) (not (include "monsterbot.extraEnvNames" . | splitList "," | has "DATABASE_URL")) }}
{{- fail "config.source=store needs database.existingSecret (or DATABASE_URL in extraEnv): without a database each pod's store is SQLite in its own emptyDir, which `monsterbot sync` can never fill, and the webhook would never be ready." }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas=%v is above autoscaling.maxReplicas=%v: the HorizontalPodAutoscaler would be refused by the API server." .Values.autoscaling.minReplicas .Values.autoscaling.maxReplicas) }}
{{- end }}
{{- if .Values.knative.enabled }}
{{- range $what := list "minScale" "initialScale" }}
{{- if gt (int (get $.Values.knative $what)) (int $.Values.knative.maxScale) }}
{{- fail (printf "knative.%s=%v is above knative.maxScale=%v: Knative's autoscaler would never keep that many pods." $what (get $.Values.knative $what) $.Values.knative.maxScale) }}
{{- end }}
{{- end }}
{{- if .Values.autoscaling.enabled }}
{{- fail "autoscaling.enabled with knative.enabled: Knative's own autoscaler scales the Knative Service (set knative.minScale, knative.maxScale and knative.targetUtilizationPercentage); a HorizontalPodAutoscaler has no Deployment to scale there." }}
{{- end }}
{{- if .Values.ingress.enabled }}
{{- fail "ingress.enabled with knative.enabled: Knative routes the Service through its own networking layer (Kourier, Istio, Contour), not an Ingress of the chart; map your host with a Knative DomainMapping, or set knative.clusterLocal=true and publish /callback from your gateway." }}
{{- end }}
{{- end }}
{{- if and .Values.networkPolicy.enabled .Values.serviceMonitor.enabled (not .Values.networkPolicy.metricsFrom) }}
{{- fail "serviceMonitor.enabled with networkPolicy.enabled: the NetworkPolicy closes the metrics port to everyone unless networkPolicy.metricsFrom lists the Prometheus pods (NetworkPolicyPeer entries, e.g. a namespaceSelector of the monitoring namespace)." }}
{{- end }}
{{- end }}

{{/* A label map as `key=value,…` (MONSTERBOT_BOT_SELECTOR), keys sorted. */}}
{{- define "monsterbot.labelSelector" -}}
{{- $pairs := list }}
{{- range $key := keys . | sortAlpha }}
{{- $pairs = append $pairs (printf "%s=%s" $key (index $ $key)) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/* The names of extraEnv's variables, joined by commas. */}}
{{- define "monsterbot.extraEnvNames" -}}
{{- $names := list }}
{{- range .Values.extraEnv }}
{{- $names = append $names .name }}
{{- end }}
{{- join "," $names }}
{{- end }}
