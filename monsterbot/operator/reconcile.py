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
from monsterbot.sources.bindings import belongs, binding_key, merge, read_binding

SPEC_HASH = "monsterbot.io/spec-hash"
KNOWLEDGE_CHECKSUM = "monsterbot.io/knowledge-checksum"
MANAGED_BY = "monsterbot-operator"
_PER_RELEASE_LABELS = ("helm.sh/chart", "app.kubernetes.io/managed-by", "app.kubernetes.io/instance",
                       "app.kubernetes.io/version")


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

    @classmethod
    def from_chart(cls, config: dict, home_namespace: str) -> PodPolicy:
        """The operator's ConfigMap (`config.yaml`, written by the chart)."""
        return cls(dict(config["pods"]), tuple(config.get("allowedImages") or ()),
                   tuple(config.get("allowedServiceAccounts") or ()), home_namespace,
                   bool(config.get("acceptDuplicateAnswers", False)), bool(config.get("clusterWide", False)),
                   bool(config.get("chartMakesAccounts", True)))

    def shares_events(self, pod: dict) -> bool:
        """Whether several of these pods may run: they share a Redis, or the chart accepted duplicate answers."""
        env = pod["spec"]["containers"][0].get("env", [])
        return self.accept_duplicate_answers or any(e.get("name") == "REDIS_URL" for e in env)

    @cached_property
    def chart_webhook(self) -> WebhookScope:
        """The namespace, Bot name and selector whose EventBindings the chart's own webhook takes (its pod's settings,
        read once)."""
        container = self.pods["deployment"]["spec"]["containers"][0]
        settings = Settings.from_env({e["name"]: e.get("value") or "" for e in container.get("env", [])},
                                     require_line=False)
        return settings.namespace or self.home_namespace, settings.bot, dict(settings.bot_selector)

    def check_name(self, bot: dict, flavour: str) -> None:
        """A Bot in the chart's namespace may not bear the release's name: its pods would carry the chart's pod labels
        (the same instance), so each Service would send LINE's webhooks to the other channel's pods too."""
        name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace", "")
        release = self.pods[flavour]["metadata"].get("labels", {}).get("app.kubernetes.io/instance")
        if namespace == self.home_namespace and name == release:
            raise Refusal("NameTaken", f"a Bot named {name!r} in namespace {namespace!r} would share the labels of the "
                          f"chart's own webhook pods (release {release!r}), and each Service would reach the other's "
                          "pods; give the Bot another name")

    def check_pods(self, bot: dict, pod: dict) -> None:
        """The chart's rule for its own pods, for a Bot's: several pods need a Redis they share (each pod alone keeps
        its own record of the events it answered, so a redelivery could be answered once per pod). A Knative Bot that
        names no maxScale has the chart's (its pod template's max-scale, which the chart checked the same way)."""
        spec = bot.get("spec") or {}
        knative = spec.get("knative") or {}
        if knative.get("enabled"):
            chart = (pod["metadata"].get("annotations") or {}).get("autoscaling.knative.dev/max-scale")
            most = knative.get("maxScale", int(chart) if chart else 0) or 1_000_000  # 0 and none: Knative's unbounded
        else:
            most = spec.get("replicas", 1)
        if most > 1 and not self.shares_events(pod):
            field = "knative.maxScale" if knative.get("enabled") else "replicas"
            raise Refusal("NeedsRedis", f"{field}={most if most < 1_000_000 else 'unbounded'} without Redis: each pod "
                          "keeps its own record of the events it "
                          "answered, so LINE's redelivery may be answered twice. "
                          f"Set {field} to 1, or install the chart with redis.url (or redis.acceptDuplicateAnswers).")

    def choose(self, bot: dict, flavour: str) -> dict:
        """A copy of the pod template with the Bot's image and service account, or a Refusal."""
        pod = copy.deepcopy(self.pods[flavour])
        spec = bot.get("spec") or {}
        container = pod["spec"]["containers"][0]
        image = spec.get("image") or container["image"]
        if image not in (container["image"], *self.allowed_images):
            raise Refusal("ImageNotAllowed", f"image {image!r} is not in the operator's allowedImages")
        account = spec.get("serviceAccountName") or pod["spec"]["serviceAccountName"]
        if account not in (pod["spec"]["serviceAccountName"], *self.allowed_service_accounts):
            raise Refusal("ServiceAccountNotAllowed",
                          f"service account {account!r} is not in the operator's allowedServiceAccounts")
        namespace = bot["metadata"].get("namespace", "")
        if (account == pod["spec"]["serviceAccountName"] and self.cluster_wide and self.chart_makes_accounts
                and namespace != self.home_namespace):
            raise Refusal("ServiceAccountMissing",
                          f"the chart's webhook account {account!r} exists only in {self.home_namespace!r} "
                          f"(operator.clusterWide): give the Bot an account of namespace {namespace!r} that may read "
                          "its EventBindings, from the operator's allowedServiceAccounts")
        container["image"], pod["spec"]["serviceAccountName"] = image, account
        return pod


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def bound_bindings(bot: dict, bindings: Iterable[dict]) -> list[dict]:
    """The EventBindings of the Bot's namespace that name it in botRef or carry its selector's labels."""
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace", "")
    selector = bot_selector(bot)
    found = [b for b in bindings
             if b.get("metadata", {}).get("namespace", "") == namespace and belongs(b, name, selector)]
    return sorted(found, key=binding_key)


def bot_selector(bot: dict) -> dict[str, str]:
    """The labels that bind an EventBinding naming no Bot to this one (its eventBindingSelector)."""
    return dict(((bot.get("spec") or {}).get("eventBindingSelector") or {}).get("matchLabels") or {})


def knowledge_checksum(bindings: Iterable[dict]) -> str:
    """Changes whenever a bound binding's spec changes (what rolls pods that do not watch)."""
    return _digest([(binding_key(b), b.get("spec")) for b in bindings])


def _labels(template_labels: dict[str, str], bot: dict) -> dict[str, str]:
    kept = {k: v for k, v in template_labels.items() if k not in _PER_RELEASE_LABELS}
    return {**kept, "app.kubernetes.io/instance": bot["metadata"]["name"], "app.kubernetes.io/managed-by": MANAGED_BY}


def owner_reference(bot: dict) -> dict:
    return {"apiVersion": API_VERSION, "kind": "Bot", "name": bot["metadata"]["name"],
            "uid": bot["metadata"].get("uid", ""), "controller": True, "blockOwnerDeletion": True}


def _secret_env(name: str, ref: dict) -> dict:
    return {"name": name, "valueFrom": {"secretKeyRef": {"name": ref["name"], "key": ref["key"]}}}


def _set_env(env: list[dict], item: dict) -> None:
    for index, current in enumerate(env):
        if current["name"] == item["name"]:
            env[index] = item
            return
    env.append(item)


def webhook_pod(bot: dict, policy: PodPolicy, flavour: str, bindings: Iterable[dict]) -> dict:
    """The chart's webhook pod template with this Bot's fields: credentials, namespace, knowledge, labels."""
    spec = bot.get("spec") or {}
    knowledge = spec.get("knowledge") or {}
    namespace = bot["metadata"].get("namespace", "")
    pod = policy.choose(bot, flavour)
    container = pod["spec"]["containers"][0]
    env = container["env"]
    _set_env(env, _secret_env("LINE_CHANNEL_SECRET", spec["channelSecretRef"]))
    _set_env(env, _secret_env("LINE_CHANNEL_ACCESS_TOKEN", spec["channelAccessTokenRef"]))
    _set_env(env, {"name": "MONSTERBOT_NAMESPACE", "value": namespace})
    _set_env(env, {"name": "MONSTERBOT_BOT", "value": bot["metadata"]["name"]})  # its EventBindings, no other Bot's
    _set_env(env, {"name": "MONSTERBOT_BOT_SELECTOR", "value": labels_value(bot_selector(bot))})
    watching = knowledge.get("watchEventBindings", True)
    _set_env(env, {"name": "MONSTERBOT_KUBERNETES", "value": "1" if watching else "0"})
    if "source" in knowledge:
        _set_env(env, {"name": "MONSTERBOT_SOURCE", "value": knowledge["source"]})
    if knowledge.get("databaseUrlSecretRef"):
        _set_env(env, _secret_env("DATABASE_URL", knowledge["databaseUrlSecretRef"]))
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
    spec = bot.get("spec") or {}
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace")
    knative = spec.get("knative") or {}
    flavour = "knative" if knative.get("enabled") else "deployment"
    policy.check_name(bot, flavour)
    pod = webhook_pod(bot, policy, flavour, list(bindings))
    policy.check_pods(bot, pod)
    labels = pod["metadata"]["labels"]
    meta = {"name": name, "namespace": namespace, "labels": labels, "ownerReferences": [owner_reference(bot)]}
    if knative.get("enabled"):
        pod["metadata"]["annotations"] |= {
            f"autoscaling.knative.dev/{key}": str(knative[field])
            for key, field in (("min-scale", "minScale"), ("max-scale", "maxScale"), ("target", "target"))
            if field in knative}
        objects: list[dict[str, Any]] = [{"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": dict(meta),
                    "spec": {"template": pod}}]
    else:
        selector = {k: labels[k] for k in ("app.kubernetes.io/name", "app.kubernetes.io/instance",
                                           "app.kubernetes.io/component")}
        objects = [
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": dict(meta),
             "spec": {"replicas": spec.get("replicas", 1), "selector": {"matchLabels": selector},  # 1: pods answer an event twice without Redis
                      "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                      "template": pod}},
            {"apiVersion": "v1", "kind": "Service", "metadata": dict(meta),
             "spec": {"selector": selector, "ports": [{"name": "http", "port": 80, "targetPort": "http1"}]}},
        ]
    for obj in objects:
        obj["metadata"]["annotations"] = {SPEC_HASH: _digest(obj["spec"])}
    return objects


def binding_condition(binding: dict, bots: Iterable[dict], base: KnowledgeSet, others: Iterable[dict],
                      chart: WebhookScope | None = None) -> dict:
    """Accepted when a webhook that takes the binding merges it (`chart`: the chart's own webhook, besides the Bots'),
    or Invalid with a reason: no webhook takes it (UnknownBot), a record against the schema, a monster another binding
    of that webhook gives, a name another monster has."""
    meta = binding.get("metadata", {})
    namespace = meta.get("namespace", "")
    ref = ((binding.get("spec") or {}).get("botRef") or {}).get("name")
    webhooks = [(namespace, b["metadata"]["name"], bot_selector(b)) for b in bots
                if b["metadata"].get("namespace") == namespace]
    webhooks += [chart] if chart is not None and chart[0] == namespace else []
    owners = [webhook for webhook in webhooks if belongs(binding, *webhook[1:])]
    if not owners:
        why = f"no Bot named {ref!r} in namespace {namespace!r}" if ref else \
            f"no webhook in namespace {namespace!r} takes it: name a Bot in botRef, or carry a Bot's eventBindingSelector labels"
        return _condition(False, "UnknownBot", why)
    parsed = read_binding(binding)
    if parsed.problems:
        return _condition(False, "InvalidMonster", "; ".join(parsed.problems)[:2000])
    others = list(others)
    refusals = []
    for _, name, selector in owners:  # what each webhook that takes it merges: accepted if one of them does
        peers = [read_binding(o) for o in others if binding_key(o) != binding_key(binding)
                 and o.get("metadata", {}).get("namespace", "") == namespace and belongs(o, name, selector)]
        _, refused = merge(base, [*peers, parsed])
        if parsed.key not in refused:
            return _condition(True, "Accepted", f"{len(parsed.knowledge.monsters)} monster(s), "
                                                f"{len(parsed.knowledge.replies)} keyword event(s)")
        refusals.append(refused[parsed.key])
    return _condition(False, refusals[0].reason, "; ".join(refusals[0].problems)[:2000])


def _condition(ok: bool, reason: str, message: str) -> dict:
    return {"type": "Accepted", "status": "True" if ok else "False", "reason": reason, "message": message}


def binding_status(binding: dict, condition: dict, now: str) -> dict:
    """The status to write: the condition (its transition time kept while unchanged) and observedGeneration."""
    previous: dict = next((c for c in (binding.get("status") or {}).get("conditions") or []
                           if c.get("type") == "Accepted"), {})
    same = previous.get("status") == condition["status"] and previous.get("reason") == condition["reason"]
    generation = binding.get("metadata", {}).get("generation")
    stamped = {**condition, "lastTransitionTime": previous.get("lastTransitionTime") if same else now,
               "observedGeneration": generation}
    monsters = len(read_binding(binding).knowledge.monsters) if condition["status"] == "True" else 0
    return {"observedGeneration": generation, "monsters": monsters, "conditions": [stamped]}


def bot_status(bot: dict, resources: list[dict], bindings: list[dict], now: str,
               refusal: Refusal | None = None) -> dict:
    """Ready once its objects are in place, with the list of what it manages; or not Ready and why."""
    previous: dict = next((c for c in (bot.get("status") or {}).get("conditions") or [] if c.get("type") == "Ready"), {})
    condition: dict[str, Any]
    if refusal is not None:
        condition = {"type": "Ready", "status": "False", "reason": refusal.reason, "message": str(refusal)[:2000]}
    else:
        condition = {"type": "Ready", "status": "True", "reason": "Reconciled",
                     "message": f"{len(resources)} object(s) managed, {len(bindings)} EventBinding(s) bound"}
    same = all(previous.get(k) == condition[k] for k in ("status", "reason", "message"))
    generation = bot["metadata"].get("generation")
    condition |= {"lastTransitionTime": previous.get("lastTransitionTime") if same else now,
                  "observedGeneration": generation}
    return {
        "observedGeneration": generation,
        "eventBindings": len(bindings),
        "conditions": [condition],
        "resources": [{"apiVersion": r["apiVersion"], "kind": r["kind"], "name": r["metadata"]["name"]}
                      for r in ([] if refusal else resources)],
    }
