"""The CustomResourceDefinitions of monsterbot.io/v1alpha1, generated from the monster record schema.

An EventBinding's `spec.monsters[]` is exactly a knowledge/ record, so its OpenAPI schema is the
record's JSON Schema turned structural: references inlined, every node typed, and the keywords
Kubernetes does not accept (uniqueItems, additionalProperties: false) left out (unknown fields are
pruned by the API server instead).
"""

from __future__ import annotations

import copy
from typing import Any

from monsterbot.knowledge.schema import schema as record_schema

GROUP = "monsterbot.io"
VERSION = "v1alpha1"
API_VERSION = f"{GROUP}/{VERSION}"
_DROP = {"$schema", "$id", "$defs", "title", "uniqueItems"}


def structural(node: Any, defs: dict[str, Any]) -> Any:
    """A JSON Schema node as a Kubernetes structural schema node."""
    if isinstance(node, list):
        return [structural(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        resolved = copy.deepcopy(defs[node["$ref"].rsplit("/", 1)[1]])
        return structural({**resolved, **{k: v for k, v in node.items() if k != "$ref"}}, defs)
    out = {k: structural(v, defs) for k, v in node.items() if k not in _DROP and k != "properties"}
    if node.get("additionalProperties") is False:
        del out["additionalProperties"]
    if "properties" in node:
        out["properties"] = {k: structural(v, defs) for k, v in node["properties"].items() if not k.startswith("$")}
    if "enum" in node and "type" not in node:
        out["type"] = "string"
    return out


def monster_schema() -> dict[str, Any]:
    """The structural schema of one monster record."""
    source = record_schema()
    return structural({k: v for k, v in source.items() if k != "$defs"}, source["$defs"])


def _conditions() -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["type", "status"],
            "properties": {
                "type": {"type": "string", "maxLength": 316},
                "status": {"type": "string", "enum": ["True", "False", "Unknown"]},
                "reason": {"type": "string", "maxLength": 1024},
                "message": {"type": "string", "maxLength": 32768},
                "lastTransitionTime": {"type": "string", "format": "date-time"},
                "observedGeneration": {"type": "integer", "format": "int64", "minimum": 0},
            },
        },
    }


def _secret_ref(what: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"The Secret key that holds {what}.",
        "required": ["name", "key"],
        "properties": {"name": {"type": "string", "maxLength": 253}, "key": {"type": "string", "maxLength": 253}},
    }


def _crd(kind: str, plural: str, short: str, spec: dict[str, Any], status: dict[str, Any], columns: list) -> dict:
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {
            "name": f"{plural}.{GROUP}",
            "labels": {"app.kubernetes.io/part-of": "monsterbot"},
            # the chart installs and upgrades them as templates; uninstalling keeps them and their objects
            "annotations": {"helm.sh/resource-policy": "keep"},
        },
        "spec": {
            "group": GROUP,
            "scope": "Namespaced",
            "names": {
                "kind": kind,
                "listKind": f"{kind}List",
                "plural": plural,
                "singular": kind.lower(),
                "shortNames": [short],
                "categories": ["monsterbot"],
            },
            "versions": [
                {
                    "name": VERSION,
                    "served": True,
                    "storage": True,
                    "subresources": {"status": {}},
                    "additionalPrinterColumns": columns
                    + [{"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}],
                    "schema": {
                        "openAPIV3Schema": {
                            "type": "object",
                            "required": ["spec"],
                            "properties": {
                                "apiVersion": {"type": "string"},
                                "kind": {"type": "string"},
                                "metadata": {"type": "object"},
                                "spec": spec,
                                "status": status,
                            },
                        }
                    },
                }
            ],
        },
    }


def event_binding_crd() -> dict:
    """EventBinding: monsters (knowledge records) and/or keyword → reply events, bound to a Bot."""
    spec = {
        "type": "object",
        "description": "Knowledge for a Bot: monsters in the knowledge/ record schema, and/or keyword replies.",
        "properties": {
            "botRef": {
                "type": "object",
                "required": ["name"],
                "description": "The Bot this binding belongs to "
                "(or leave it out and match a Bot's eventBindingSelector with labels).",
                "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 253}},
            },
            "monsters": {"type": "array", "maxItems": 500, "items": monster_schema()},
            "events": {
                "type": "array",
                "maxItems": 500,
                "items": {
                    "type": "object",
                    "required": ["keywords", "reply"],
                    "properties": {
                        "keywords": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": 50,
                            "items": {"type": "string", "minLength": 1, "maxLength": 100},
                        },
                        "reply": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 5000}},
                        },
                    },
                },
            },
        },
    }
    status = {
        "type": "object",
        "properties": {
            "observedGeneration": {"type": "integer", "format": "int64"},
            "monsters": {"type": "integer"},
            "conditions": _conditions(),
        },
    }
    columns = [
        {"name": "Bot", "type": "string", "jsonPath": ".spec.botRef.name"},
        {"name": "Monsters", "type": "integer", "jsonPath": ".status.monsters"},
        {"name": "Accepted", "type": "string", "jsonPath": '.status.conditions[?(@.type=="Accepted")].status'},
        {"name": "Reason", "type": "string", "jsonPath": '.status.conditions[?(@.type=="Accepted")].reason'},
    ]
    return _crd("EventBinding", "eventbindings", "eb", spec, status, columns)


def bot_crd() -> dict:
    """Bot: a LINE channel's webhook, what knowledge it takes, and how it scales."""
    spec = {
        "type": "object",
        "required": ["channelSecretRef", "channelAccessTokenRef"],
        "properties": {
            "channelSecretRef": _secret_ref("the LINE channel secret"),
            "channelAccessTokenRef": _secret_ref("the LINE channel access token"),
            "eventBindingSelector": {
                "type": "object",
                "description": "Labels of the EventBindings this Bot takes (besides botRef).",
                "properties": {"matchLabels": {"type": "object", "additionalProperties": {"type": "string"}}},
            },
            "image": {
                "type": "string",
                "maxLength": 512,
                "description": "The webhook image; default the chart's. Another one only from the operator's "
                "allowedImages (values operator.allowedImages).",
            },
            "serviceAccountName": {
                "type": "string",
                "maxLength": 253,
                "description": "The webhook pods' service account; default the chart's. Another "
                "one only from operator.allowedServiceAccounts.",
            },
            "replicas": {
                "type": "integer",
                "minimum": 0,
                "maximum": 100,
                "description": "Webhook pods (default 1). More than one, or a Knative maxScale above 1, "
                "needs the chart's redis.url (or redis.acceptDuplicateAnswers): else the Bot "
                "is not Ready, reason NeedsRedis. A Knative Bot naming no maxScale has the "
                "chart's knative.maxScale.",
            },
            "knative": {
                "type": "object",
                "properties": {
                    "enabled": {"type": "boolean"},
                    "minScale": {"type": "integer", "minimum": 0},
                    "maxScale": {"type": "integer", "minimum": 1},
                    "target": {"type": "integer", "minimum": 1},
                },
            },
            "knowledge": {
                "type": "object",
                "description": "Where the webhook's knowledge comes from.",
                "properties": {
                    "source": {
                        "type": "string",
                        "enum": ["yaml", "store"],
                        "description": "yaml: the image's knowledge/ files (default); store: the SQL store "
                        "that `monsterbot sync` fills (needs databaseUrlSecretRef).",
                    },
                    "databaseUrlSecretRef": _secret_ref("the store's DATABASE_URL"),
                    "watchEventBindings": {
                        "type": "boolean",
                        "description": "The webhook watches EventBindings "
                        "itself (default true); when false the operator rolls the pods instead.",
                    },
                },
            },
        },
    }
    status = {
        "type": "object",
        "properties": {
            "observedGeneration": {"type": "integer", "format": "int64"},
            "eventBindings": {"type": "integer"},
            "conditions": _conditions(),
            "resources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "apiVersion": {"type": "string"},
                        "kind": {"type": "string"},
                        "name": {"type": "string"},
                    },
                },
            },
        },
    }
    columns = [
        {"name": "Knative", "type": "boolean", "jsonPath": ".spec.knative.enabled"},
        {"name": "Bindings", "type": "integer", "jsonPath": ".status.eventBindings"},
        {"name": "Ready", "type": "string", "jsonPath": '.status.conditions[?(@.type=="Ready")].status'},
    ]
    return _crd("Bot", "bots", "mbot", spec, status, columns)


def all_crds() -> dict[str, dict]:
    """File name → CRD, as committed under charts/monsterbot/files/crds/."""
    return {"eventbindings.yaml": event_binding_crd(), "bots.yaml": bot_crd()}
