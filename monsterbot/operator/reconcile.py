"""What the operator wants to exist, as pure functions of the Bots and EventBindings it sees.

Everything here is level-based and deterministic: the same Bot and bindings give the same objects
(with a hash of their spec in an annotation), so reconciling twice writes nothing the second time.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable

from monsterbot.config import Settings, labels_value
from monsterbot.core.model import KnowledgeSet
from monsterbot.kubernetes.crds import API_VERSION
from monsterbot.operator.models import BotSpec, SecretRef, WorkloadState
from monsterbot.sources.bindings import BindingKnowledge, Refused, belongs, binding_key, merge, read_binding

SPEC_HASH = "monsterbot.io/spec-hash"
KNOWLEDGE_CHECKSUM = "monsterbot.io/knowledge-checksum"
MANAGED_BY = "monsterbot-operator"
_PER_RELEASE_LABELS = (
    "helm.sh/chart",
    "app.kubernetes.io/managed-by",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
)


class Refusal(Exception):
    """A Bot asks for something the operator will not do; `reason` and the message go into its Ready condition."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


#: A webhook that takes EventBindings: its namespace, its Bot's name ("" for the chart's own) and the Bot's selector.
WebhookScope = tuple[str, str, dict[str, str]]


@dataclass(frozen=True)
class PodPolicy:
    """What the chart lets the operator run: the webhook pod templates it rendered, and the allowlists.

    `pods` holds the chart's own webhook pod template ("deployment" and "knative" flavours, from one helper), so
    the operator's pods are the chart's pods with only the per-Bot fields filled in. The template's image and
    service account are the defaults; a Bot may name another only from the allowlists.
    """

    pods: dict[str, dict]
    allowed_images: tuple[str, ...] = ()
    allowed_service_accounts: tuple[str, ...] = ()
    home_namespace: str = ""  # where the chart's knowledge ConfigMap lives
    accept_duplicate_answers: bool = False  # the chart's redis.acceptDuplicateAnswers
    cluster_wide: bool = False  # operator.clusterWide: the chart's webhook account exists in its namespace only,
    chart_makes_accounts: bool = True  # unless the chart makes none (serviceAccount.create false: yours, anywhere)
    max_replicas: int = 10  # operator.maxReplicas: a Bot's replicas at most
    max_scale: int = 10  # operator.maxScale: a Knative Bot's minScale and maxScale at most
    allowed_secret_keys: tuple[str, ...] = ("channel-secret", "channel-access-token")  # operator.allowedSecretKeys

    @classmethod
    def from_chart(cls, config: dict, home_namespace: str) -> PodPolicy:
        """The operator's ConfigMap (`config.yaml`, written by the chart; one rendered by an older chart lacks the
        caps and the Secret-key allowlist, which then keep the defaults above)."""
        return cls(
            dict(config["pods"]),
            tuple(config.get("allowedImages") or ()),
            tuple(config.get("allowedServiceAccounts") or ()),
            home_namespace,
            bool(config.get("acceptDuplicateAnswers", False)),
            bool(config.get("clusterWide", False)),
            bool(config.get("chartMakesAccounts", True)),
            int(config.get("maxReplicas", cls.max_replicas)),
            int(config.get("maxScale", cls.max_scale)),
            tuple(config.get("allowedSecretKeys", cls.allowed_secret_keys)),
        )

    def check_bounds(self, spec: BotSpec) -> None:
        """What a Bot may ask of the cluster: pods up to the chart's caps, and Secret keys from its allowlist only (a
        Bot's pods read each key it names: a `DATABASE_URL` key would send them to any database)."""
        scale = (
            [("replicas", spec.replicas, self.max_replicas)]
            if not spec.knative.enabled
            else [
                ("knative.minScale", spec.knative.min_scale or 0, self.max_scale),
                ("knative.maxScale", spec.knative.max_scale or 0, self.max_scale),
            ]
        )
        over = [f"{field}={value} is above the operator's cap of {cap}" for field, value, cap in scale if value > cap]
        if over:
            raise Refusal("ScaleNotAllowed", "; ".join(over) + " (the chart's operator.maxReplicas / maxScale)")
        keys = [
            f"{field} names key {ref.key!r} of Secret {ref.name!r}"
            for field, ref in spec.secret_refs()
            if ref.key not in self.allowed_secret_keys
        ]
        if keys:
            raise Refusal(
                "SecretKeyNotAllowed",
                "; ".join(keys) + f": the operator's allowedSecretKeys are "
                f"{', '.join(self.allowed_secret_keys) or 'none'}",
            )

    def shares_events(self, pod: dict) -> bool:
        """Whether several of these pods may run: they share a Redis, or the chart accepted duplicate answers."""
        env = pod["spec"]["containers"][0].get("env", [])
        return self.accept_duplicate_answers or any(e.get("name") == "REDIS_URL" for e in env)

    @cached_property
    def chart_webhook(self) -> WebhookScope:
        """The namespace, Bot name and selector whose EventBindings the chart's own webhook takes (its pod's settings,
        read once)."""
        container = self.pods["deployment"]["spec"]["containers"][0]
        settings = Settings.from_env(
            {e["name"]: e.get("value") or "" for e in container.get("env", [])}, require_line=False
        )
        return settings.namespace or self.home_namespace, settings.bot, dict(settings.bot_selector)

    def check_name(self, bot: dict, flavour: str) -> None:
        """A Bot in the chart's namespace may not bear the release's name: its pods would carry the chart's pod labels
        (the same instance), so each Service would send LINE's webhooks to the other channel's pods too."""
        name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace", "")
        release = self.pods[flavour]["metadata"].get("labels", {}).get("app.kubernetes.io/instance")
        if namespace == self.home_namespace and name == release:
            raise Refusal(
                "NameTaken",
                f"a Bot named {name!r} in namespace {namespace!r} would share the labels of the "
                f"chart's own webhook pods (release {release!r}), and each Service would reach the other's "
                "pods; give the Bot another name",
            )

    def check_pods(self, spec: BotSpec, pod: dict) -> None:
        """The chart's rule for its own pods, for a Bot's: several pods need a Redis they share (each pod alone keeps
        its own record of the events it answered, so a redelivery could be answered once per pod). A Knative Bot that
        names no maxScale has the chart's (its pod template's max-scale, which the chart checked the same way)."""
        if spec.knative.enabled:
            chart = (pod["metadata"].get("annotations") or {}).get("autoscaling.knative.dev/max-scale")
            most = spec.knative.max_scale if spec.knative.max_scale is not None else int(chart) if chart else 0
            most = most or 1_000_000  # 0 and none: Knative's unbounded
        else:
            most = spec.replicas
        if most > 1 and not self.shares_events(pod):
            field = "knative.maxScale" if spec.knative.enabled else "replicas"
            raise Refusal(
                "NeedsRedis",
                f"{field}={most if most < 1_000_000 else 'unbounded'} without Redis: each pod "
                "keeps its own record of the events it "
                "answered, so LINE's redelivery may be answered twice. "
                f"Set {field} to 1, or install the chart with redis.url (or redis.acceptDuplicateAnswers).",
            )

    def choose(self, bot: dict, spec: BotSpec, flavour: str) -> dict:
        """A copy of the pod template with the Bot's image and service account, or a Refusal."""
        pod = copy.deepcopy(self.pods[flavour])
        container = pod["spec"]["containers"][0]
        image = spec.image or container["image"]
        if image not in (container["image"], *self.allowed_images):
            raise Refusal("ImageNotAllowed", f"image {image!r} is not in the operator's allowedImages")
        account = spec.service_account or pod["spec"]["serviceAccountName"]
        if account not in (pod["spec"]["serviceAccountName"], *self.allowed_service_accounts):
            raise Refusal(
                "ServiceAccountNotAllowed",
                f"service account {account!r} is not in the operator's allowedServiceAccounts",
            )
        namespace = bot["metadata"].get("namespace", "")
        if (
            account == pod["spec"]["serviceAccountName"]
            and self.cluster_wide
            and self.chart_makes_accounts
            and namespace != self.home_namespace
        ):
            raise Refusal(
                "ServiceAccountMissing",
                f"the chart's webhook account {account!r} exists only in {self.home_namespace!r} "
                f"(operator.clusterWide): give the Bot an account of namespace {namespace!r} that may read "
                "its EventBindings, from the operator's allowedServiceAccounts",
            )
        container["image"], pod["spec"]["serviceAccountName"] = image, account
        return pod


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def bound_bindings(bot: dict, bindings: Iterable[dict]) -> list[dict]:
    """The EventBindings of the Bot's namespace that name it in botRef or carry its selector's labels."""
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace", "")
    selector = bot_selector(bot)
    found = [
        b for b in bindings if b.get("metadata", {}).get("namespace", "") == namespace and belongs(b, name, selector)
    ]
    return sorted(found, key=binding_key)


def bot_selector(bot: dict) -> dict[str, str]:
    """The labels that bind an EventBinding naming no Bot to this one (its eventBindingSelector)."""
    return BotSpec.selector_of(bot.get("spec") or {})


def knowledge_checksum(bindings: Iterable[dict]) -> str:
    """Changes whenever a bound binding's spec changes (what rolls pods that do not watch)."""
    return _digest([(binding_key(b), b.get("spec")) for b in bindings])


def _labels(template_labels: dict[str, str], bot: dict) -> dict[str, str]:
    kept = {k: v for k, v in template_labels.items() if k not in _PER_RELEASE_LABELS}
    return {**kept, "app.kubernetes.io/instance": bot["metadata"]["name"], "app.kubernetes.io/managed-by": MANAGED_BY}


def owner_reference(bot: dict) -> dict:
    return {
        "apiVersion": API_VERSION,
        "kind": "Bot",
        "name": bot["metadata"]["name"],
        "uid": bot["metadata"].get("uid", ""),
        "controller": True,
        "blockOwnerDeletion": True,
    }


def _secret_env(name: str, ref: SecretRef) -> dict:
    return {"name": name, "valueFrom": {"secretKeyRef": {"name": ref.name, "key": ref.key}}}


def _set_env(env: list[dict], item: dict) -> None:
    for index, current in enumerate(env):
        if current["name"] == item["name"]:
            env[index] = item
            return
    env.append(item)


def webhook_pod(bot: dict, spec: BotSpec, policy: PodPolicy, flavour: str, bindings: Iterable[dict]) -> dict:
    """The chart's webhook pod template with this Bot's fields: credentials, namespace, knowledge, labels."""
    namespace = bot["metadata"].get("namespace", "")
    pod = policy.choose(bot, spec, flavour)
    container = pod["spec"]["containers"][0]
    env = container["env"]
    _set_env(env, _secret_env("LINE_CHANNEL_SECRET", spec.channel_secret))
    _set_env(env, _secret_env("LINE_CHANNEL_ACCESS_TOKEN", spec.channel_access_token))
    _set_env(env, {"name": "MONSTERBOT_NAMESPACE", "value": namespace})
    _set_env(env, {"name": "MONSTERBOT_BOT", "value": bot["metadata"]["name"]})  # its EventBindings, no other Bot's
    _set_env(env, {"name": "MONSTERBOT_BOT_SELECTOR", "value": labels_value(spec.selector)})
    watching = spec.watch_bindings
    _set_env(env, {"name": "MONSTERBOT_KUBERNETES", "value": "1" if watching else "0"})
    if spec.source:
        _set_env(env, {"name": "MONSTERBOT_SOURCE", "value": spec.source})
    if spec.database_url:
        _set_env(env, _secret_env("DATABASE_URL", spec.database_url))
    annotations = dict(pod["metadata"].get("annotations") or {})
    if namespace != policy.home_namespace:  # the chart's knowledge ConfigMap is not there: the image's knowledge
        container["env"] = [e for e in env if e["name"] != "MONSTERBOT_KNOWLEDGE"]
        container["volumeMounts"] = [m for m in container.get("volumeMounts", []) if m["name"] != "knowledge"]
        pod["spec"]["volumes"] = [v for v in pod["spec"].get("volumes", []) if v["name"] != "knowledge"]
        annotations.pop("checksum/knowledge", None)
    if not watching:
        annotations[KNOWLEDGE_CHECKSUM] = knowledge_checksum(bindings)
    pod["metadata"] = {"labels": _labels(pod["metadata"].get("labels") or {}, bot), "annotations": annotations}
    return pod


def desired_resources(bot: dict, bindings: Iterable[dict], policy: PodPolicy) -> list[dict]:
    """The webhook objects a Bot wants: a Deployment and Service, or one Knative Service (or a Refusal)."""
    spec = BotSpec.read(bot.get("spec") or {})
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace")
    flavour = "knative" if spec.knative.enabled else "deployment"
    policy.check_name(bot, flavour)
    policy.check_bounds(spec)
    pod = webhook_pod(bot, spec, policy, flavour, list(bindings))
    policy.check_pods(spec, pod)
    labels = pod["metadata"]["labels"]
    meta = {"name": name, "namespace": namespace, "labels": labels, "ownerReferences": [owner_reference(bot)]}
    if spec.knative.enabled:
        pod["metadata"]["annotations"] |= {
            f"autoscaling.knative.dev/{key}": str(value)
            for key, value in (
                ("min-scale", spec.knative.min_scale),
                ("max-scale", spec.knative.max_scale),
                ("target", spec.knative.target),
            )
            if value is not None
        }
        objects: list[dict[str, Any]] = [
            {
                "apiVersion": "serving.knative.dev/v1",
                "kind": "Service",
                "metadata": dict(meta),
                "spec": {"template": pod},
            }
        ]
    else:
        selector = {
            k: labels[k]
            for k in ("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component")
        }
        objects = [
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": dict(meta),
                "spec": {
                    "replicas": spec.replicas,
                    "selector": {"matchLabels": selector},  # 1: pods answer an event twice without Redis
                    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                    "template": pod,
                },
            },
            {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": dict(meta),
                "spec": {"selector": selector, "ports": [{"name": "http", "port": 80, "targetPort": "http1"}]},
            },
        ]
    for obj in objects:
        obj["metadata"]["annotations"] = {SPEC_HASH: _digest(obj["spec"])}
    return objects


def binding_conditions(
    bindings: Iterable[dict], bots: Iterable[dict], base: KnowledgeSet, chart: WebhookScope | None = None
) -> dict[str, Verdict]:
    """Each binding's Accepted condition (by namespace/name): True when a webhook that takes it merges it (`chart`: the
    chart's own webhook, besides the Bots'), else False with a reason: no webhook takes it (UnknownBot), a record
    against the schema, a monster another binding of that webhook gives, a name another monster has, a keyword that
    shadows a name or an ordinary word. One parse per binding and one merge per webhook: linear in bindings."""
    bindings = list(bindings)
    parsed = {binding_key(b): read_binding(b) for b in bindings}
    webhooks: dict[str, list[WebhookScope]] = {}
    for bot in bots:
        namespace = bot["metadata"].get("namespace", "")
        webhooks.setdefault(namespace, []).append((namespace, bot["metadata"]["name"], bot_selector(bot)))
    if chart is not None:
        webhooks.setdefault(chart[0], []).append(chart)
    takers: dict[str, list[WebhookScope]] = {}
    members: dict[WebhookScope | tuple[str, str, str], list[BindingKnowledge]] = {}
    for binding in bindings:
        namespace = binding.get("metadata", {}).get("namespace", "")
        key = binding_key(binding)
        takers[key] = [w for w in webhooks.get(namespace, []) if belongs(binding, *w[1:])]
        for webhook in takers[key]:
            members.setdefault(_scope_key(webhook), []).append(parsed[key])
    verdicts = {scope: merge(base, knowledge)[1] for scope, knowledge in members.items()}
    return {
        key: _verdict(binding, parsed[key], [verdicts[_scope_key(w)] for w in takers[key]])
        for binding in bindings
        for key in [binding_key(binding)]
    }


def _scope_key(webhook: WebhookScope) -> tuple[str, str, str]:
    return webhook[0], webhook[1], labels_value(webhook[2])


@dataclass(frozen=True)
class Verdict:
    """A binding's Accepted condition, and how many monsters it gives when accepted."""

    condition: dict
    monsters: int = 0


def _verdict(binding: dict, parsed: BindingKnowledge, verdicts: list[dict[str, Refused]]) -> Verdict:
    if not verdicts:
        namespace = binding.get("metadata", {}).get("namespace", "")
        ref = ((binding.get("spec") or {}).get("botRef") or {}).get("name")
        why = (
            f"no Bot named {ref!r} in namespace {namespace!r}"
            if ref
            else f"no webhook in namespace {namespace!r} takes it: name a Bot in botRef, or carry a Bot's "
            "eventBindingSelector labels"
        )
        return Verdict(_condition(False, "UnknownBot", why))
    refusals = [refused[parsed.key] for refused in verdicts if parsed.key in refused]
    if len(refusals) < len(verdicts):  # a webhook that takes it serves it
        return Verdict(
            _condition(
                True,
                "Accepted",
                f"{len(parsed.knowledge.monsters)} monster(s), {len(parsed.knowledge.replies)} keyword event(s)",
            ),
            len(parsed.knowledge.monsters),
        )
    return Verdict(_condition(False, refusals[0].reason, "; ".join(refusals[0].problems)[:2000]))


def _condition(ok: bool, reason: str, message: str) -> dict:
    return {"type": "Accepted", "status": "True" if ok else "False", "reason": reason, "message": message}


def binding_status(binding: dict, verdict: Verdict, now: str) -> dict:
    """The status to write: the condition (its transition time kept while unchanged) and observedGeneration."""
    condition = verdict.condition
    previous: dict = next(
        (c for c in (binding.get("status") or {}).get("conditions") or [] if c.get("type") == "Accepted"), {}
    )
    same = previous.get("status") == condition["status"] and previous.get("reason") == condition["reason"]
    generation = binding.get("metadata", {}).get("generation")
    stamped = {
        **condition,
        "lastTransitionTime": previous.get("lastTransitionTime") if same else now,
        "observedGeneration": generation,
    }
    return {"observedGeneration": generation, "monsters": verdict.monsters, "conditions": [stamped]}


def bot_status(
    bot: dict,
    resources: list[dict],
    bindings: list[dict],
    now: str,
    refusal: Refusal | None = None,
    workloads: Iterable[WorkloadState] = (),
) -> dict:
    """Ready when the operator made its objects and its workload is available (the Deployment's or Knative Service's
    own conditions); else not Ready, with the refusal or the workload's reason and message."""
    previous: dict = next(
        (c for c in (bot.get("status") or {}).get("conditions") or [] if c.get("type") == "Ready"), {}
    )
    condition: dict[str, Any]
    waiting = [w for w in workloads if not w.available]
    if refusal is not None:
        condition = {"type": "Ready", "status": "False", "reason": refusal.reason, "message": str(refusal)[:2000]}
    elif waiting:
        condition = {
            "type": "Ready",
            "status": "False",
            "reason": waiting[0].reason,
            "message": waiting[0].message[:2000],
        }
    else:
        condition = {
            "type": "Ready",
            "status": "True",
            "reason": "Available",
            "message": f"{len(resources)} object(s) managed and available, {len(bindings)} EventBinding(s) bound",
        }
    same = all(previous.get(k) == condition[k] for k in ("status", "reason", "message"))
    generation = bot["metadata"].get("generation")
    condition |= {
        "lastTransitionTime": previous.get("lastTransitionTime") if same else now,
        "observedGeneration": generation,
    }
    return {
        "observedGeneration": generation,
        "eventBindings": len(bindings),
        "conditions": [condition],
        "resources": [
            {"apiVersion": r["apiVersion"], "kind": r["kind"], "name": r["metadata"]["name"]}
            for r in ([] if refusal else resources)
        ],
    }
