"""What the operator wants to exist, as pure functions of the Bots and EventBindings it sees.

Everything here is level-based and deterministic: the same Bot and bindings give the same objects
(with a hash of their spec in an annotation), so reconciling twice writes nothing the second time.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable

from monsterbot.core.model import KnowledgeSet
from monsterbot.kubernetes.bindings import BindingKnowledge, binding_key, merge, name_collisions, read_binding
from monsterbot.kubernetes.crds import API_VERSION

SPEC_HASH = "monsterbot.io/spec-hash"
KNOWLEDGE_CHECKSUM = "monsterbot.io/knowledge-checksum"
DEFAULT_IMAGE = "ghcr.io/monsterbot/monsterbot:0.1.0"
PORT = 8080


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def bound_bindings(bot: dict, bindings: Iterable[dict]) -> list[dict]:
    """The EventBindings of the Bot's namespace that name it in botRef or carry its selector's labels."""
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace", "")
    selector = ((bot.get("spec") or {}).get("eventBindingSelector") or {}).get("matchLabels") or {}
    found = []
    for binding in bindings:
        meta = binding.get("metadata", {})
        if meta.get("namespace", "") != namespace:
            continue
        ref = ((binding.get("spec") or {}).get("botRef") or {}).get("name")
        labels = meta.get("labels") or {}
        if ref == name or (selector and all(labels.get(k) == v for k, v in selector.items())):
            found.append(binding)
    return sorted(found, key=binding_key)


def knowledge_checksum(bindings: Iterable[dict]) -> str:
    """Changes whenever a bound binding's spec changes (what rolls pods that do not watch)."""
    return _digest([(binding_key(b), b.get("spec")) for b in bindings])


def _labels(bot: dict) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": "monsterbot",
        "app.kubernetes.io/instance": bot["metadata"]["name"],
        "app.kubernetes.io/component": "webhook",
        "app.kubernetes.io/managed-by": "monsterbot-operator",
    }


def _owner(bot: dict) -> list[dict]:
    return [{"apiVersion": API_VERSION, "kind": "Bot", "name": bot["metadata"]["name"],
             "uid": bot["metadata"].get("uid", ""), "controller": True, "blockOwnerDeletion": True}]


def _container(bot: dict, watching: bool) -> dict:
    spec = bot.get("spec") or {}
    knowledge = spec.get("knowledge") or {}
    secret, token = spec["channelSecretRef"], spec["channelAccessTokenRef"]
    env = [
        {"name": "LINE_CHANNEL_SECRET", "valueFrom": {"secretKeyRef": {"name": secret["name"], "key": secret["key"]}}},
        {"name": "LINE_CHANNEL_ACCESS_TOKEN", "valueFrom": {"secretKeyRef": {"name": token["name"], "key": token["key"]}}},
        {"name": "PORT", "value": str(PORT)},
        {"name": "MONSTERBOT_KUBERNETES", "value": "1" if watching else "0"},
        {"name": "MONSTERBOT_NAMESPACE", "value": bot["metadata"].get("namespace", "")},
        {"name": "MONSTERBOT_DATA_DIR", "value": "/data"},
        {"name": "MONSTERBOT_SOURCE", "value": knowledge.get("source", "yaml")},
    ]
    database = knowledge.get("databaseUrlSecretRef")
    if database:
        env.append({"name": "DATABASE_URL",
                    "valueFrom": {"secretKeyRef": {"name": database["name"], "key": database["key"]}}})
    probe = {"httpGet": {"path": "/healthz", "port": PORT}, "periodSeconds": 10}
    return {
        "name": "webhook",
        "image": spec.get("image") or DEFAULT_IMAGE,
        "ports": [{"name": "http", "containerPort": PORT}],
        "env": env,
        "livenessProbe": probe,
        "readinessProbe": {"httpGet": {"path": "/readyz", "port": PORT}, "periodSeconds": 5},
        "securityContext": {"runAsNonRoot": True, "readOnlyRootFilesystem": True, "allowPrivilegeEscalation": False,
                            "capabilities": {"drop": ["ALL"]}},
        "volumeMounts": [{"name": "data", "mountPath": "/data"}, {"name": "tmp", "mountPath": "/tmp"}],
    }


def _pod_spec(bot: dict, watching: bool) -> dict:
    return {
        "serviceAccountName": (bot.get("spec") or {}).get("serviceAccountName") or "monsterbot-webhook",
        "terminationGracePeriodSeconds": 30,
        "containers": [_container(bot, watching)],
        "volumes": [{"name": "data", "emptyDir": {}}, {"name": "tmp", "emptyDir": {}}],
    }


def desired_resources(bot: dict, bindings: Iterable[dict]) -> list[dict]:
    """The webhook objects a Bot wants: a Deployment and Service, or one Knative Service."""
    spec = bot.get("spec") or {}
    name, namespace = bot["metadata"]["name"], bot["metadata"].get("namespace")
    watching = (spec.get("knowledge") or {}).get("watchEventBindings", True)
    labels = _labels(bot)
    template_annotations = {} if watching else {KNOWLEDGE_CHECKSUM: knowledge_checksum(bindings)}
    meta = {"name": name, "namespace": namespace, "labels": labels, "ownerReferences": _owner(bot)}
    knative = spec.get("knative") or {}
    if knative.get("enabled"):
        scale = {f"autoscaling.knative.dev/{key}": str(knative[field])
                 for key, field in (("min-scale", "minScale"), ("max-scale", "maxScale"), ("target", "target"))
                 if field in knative}
        objects = [{
            "apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": dict(meta),
            "spec": {"template": {"metadata": {"labels": labels, "annotations": {**scale, **template_annotations}},
                                  "spec": {**_pod_spec(bot, watching), "containerConcurrency": 50}}},
        }]
    else:
        selector = {k: labels[k] for k in ("app.kubernetes.io/name", "app.kubernetes.io/instance",
                                           "app.kubernetes.io/component")}
        objects = [
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": dict(meta),
             "spec": {"replicas": spec.get("replicas", 2), "selector": {"matchLabels": selector},
                      "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                      "template": {"metadata": {"labels": labels, "annotations": template_annotations},
                                   "spec": _pod_spec(bot, watching)}}},
            {"apiVersion": "v1", "kind": "Service", "metadata": dict(meta),
             "spec": {"selector": selector, "ports": [{"name": "http", "port": 80, "targetPort": "http"}]}},
        ]
    for obj in objects:
        obj["metadata"]["annotations"] = {SPEC_HASH: _digest(obj["spec"])}
    return objects


def binding_condition(binding: dict, bots: Iterable[dict], base: KnowledgeSet, others: Iterable[dict]) -> dict:
    """Accepted, or Invalid with a reason: unknown Bot, a record against the schema, a name another monster has."""
    meta = binding.get("metadata", {})
    ref = ((binding.get("spec") or {}).get("botRef") or {}).get("name")
    names = {b["metadata"]["name"] for b in bots if b["metadata"].get("namespace") == meta.get("namespace")}
    parsed = read_binding(binding)
    if ref and ref not in names:
        return _condition(False, "UnknownBot", f"no Bot named {ref!r} in namespace {meta.get('namespace')!r}")
    if parsed.problems:
        return _condition(False, "InvalidMonster", "; ".join(parsed.problems)[:2000])
    peers: list[BindingKnowledge] = [read_binding(o) for o in others if binding_key(o) != binding_key(binding)]
    merged, problems = merge(base, [*peers, parsed])
    if problems.get(parsed.key):
        return _condition(False, "DuplicateMonster", "; ".join(problems[parsed.key])[:2000])
    collisions = name_collisions(merged, parsed)
    if collisions:
        return _condition(False, "NameCollision", "; ".join(collisions)[:2000])
    return _condition(True, "Accepted", f"{len(parsed.knowledge.monsters)} monster(s), "
                                        f"{len(parsed.knowledge.replies)} keyword event(s)")


def _condition(ok: bool, reason: str, message: str) -> dict:
    return {"type": "Accepted", "status": "True" if ok else "False", "reason": reason, "message": message}


def binding_status(binding: dict, condition: dict, now: str) -> dict:
    """The status to write: the condition (its transition time kept while unchanged) and observedGeneration."""
    previous = next((c for c in (binding.get("status") or {}).get("conditions") or [] if c.get("type") == "Accepted"), {})
    same = previous.get("status") == condition["status"] and previous.get("reason") == condition["reason"]
    generation = binding.get("metadata", {}).get("generation")
    stamped = {**condition, "lastTransitionTime": previous.get("lastTransitionTime") if same else now,
               "observedGeneration": generation}
    monsters = len(read_binding(binding).knowledge.monsters) if condition["status"] == "True" else 0
    return {"observedGeneration": generation, "monsters": monsters, "conditions": [stamped]}


def bot_status(bot: dict, resources: list[dict], bindings: list[dict], now: str) -> dict:
    """Ready once its objects are in place, with the list of what it manages."""
    previous = next((c for c in (bot.get("status") or {}).get("conditions") or [] if c.get("type") == "Ready"), {})
    condition = {"type": "Ready", "status": "True", "reason": "Reconciled",
                 "message": f"{len(resources)} object(s) managed, {len(bindings)} EventBinding(s) bound"}
    same = previous.get("status") == "True" and previous.get("message") == condition["message"]
    generation = bot["metadata"].get("generation")
    condition |= {"lastTransitionTime": previous.get("lastTransitionTime") if same else now,
                  "observedGeneration": generation}
    return {
        "observedGeneration": generation,
        "eventBindings": len(bindings),
        "conditions": [condition],
        "resources": [{"apiVersion": r["apiVersion"], "kind": r["kind"], "name": r["metadata"]["name"]} for r in resources],
    }
