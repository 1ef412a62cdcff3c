"""Typed views of the objects the operator reads: a Bot's spec, and the state its workload reports.

The API server hands the operator JSON; these dataclasses are read from it once, in one place, so the decisions
(bounds, allowlists, readiness) work on named fields with their defaults stated here rather than on `.get` chains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class SecretRef:
    name: str
    key: str

    @classmethod
    def read(cls, ref: Mapping[str, Any] | None) -> SecretRef | None:
        return cls(str(ref["name"]), str(ref["key"])) if ref else None


@dataclass(frozen=True)
class Knative:
    enabled: bool = False
    min_scale: int | None = None
    max_scale: int | None = None
    target: int | None = None


@dataclass(frozen=True)
class BotSpec:
    """A Bot's spec with the CRD's defaults (replicas 1, watching its EventBindings, the chart's image and account)."""

    channel_secret: SecretRef
    channel_access_token: SecretRef
    selector: dict[str, str] = field(default_factory=dict)
    image: str | None = None
    service_account: str | None = None
    replicas: int = 1
    knative: Knative = Knative()
    source: str | None = None
    database_url: SecretRef | None = None
    watch_bindings: bool = True

    @classmethod
    def read(cls, spec: Mapping[str, Any]) -> BotSpec:
        knative = spec.get("knative") or {}
        knowledge = spec.get("knowledge") or {}
        secret, token = SecretRef.read(spec["channelSecretRef"]), SecretRef.read(spec["channelAccessTokenRef"])
        assert secret is not None and token is not None  # required by the CRD
        return cls(
            channel_secret=secret,
            channel_access_token=token,
            selector=cls.selector_of(spec),
            image=spec.get("image") or None,
            service_account=spec.get("serviceAccountName") or None,
            replicas=int(spec.get("replicas", 1)),
            knative=Knative(
                bool(knative.get("enabled")), knative.get("minScale"), knative.get("maxScale"), knative.get("target")
            ),
            source=knowledge.get("source"),
            database_url=SecretRef.read(knowledge.get("databaseUrlSecretRef")),
            watch_bindings=bool(knowledge.get("watchEventBindings", True)),
        )

    @staticmethod
    def selector_of(spec: Mapping[str, Any]) -> dict[str, str]:
        """The labels of its eventBindingSelector (read alone where a binding is matched to Bots in bulk)."""
        return dict((spec.get("eventBindingSelector") or {}).get("matchLabels") or {})

    def secret_refs(self) -> list[tuple[str, SecretRef]]:
        """Every Secret key the Bot's pods would read, with the field that names it."""
        refs = [("channelSecretRef", self.channel_secret), ("channelAccessTokenRef", self.channel_access_token)]
        return refs + ([("knowledge.databaseUrlSecretRef", self.database_url)] if self.database_url else [])


@dataclass(frozen=True)
class WorkloadState:
    """Whether a Bot's workload serves, as its own controller reports it: a Deployment's or a Knative Service's
    status conditions, for the generation the operator last wrote."""

    available: bool
    reason: str
    message: str

    @classmethod
    def of(cls, obj: Mapping[str, Any]) -> WorkloadState:
        kind, name = obj.get("kind", "Deployment"), obj["metadata"]["name"]
        status = obj.get("status") or {}
        conditions = {c.get("type"): c for c in status.get("conditions") or []}
        if not status or status.get("observedGeneration", 0) < obj["metadata"].get("generation", 0):
            return cls(
                False, "WorkloadPending", f"{kind} {name}: its controller has not reported on the latest spec yet"
            )
        if kind == "Deployment":
            failure = conditions.get("ReplicaFailure") or {}
            if failure.get("status") == "True":  # pods cannot be created: an account, a quota, an admission refusal
                return cls(False, failure.get("reason") or "ReplicaFailure", f"{kind} {name}: {failure.get('message')}")
            stalled = conditions.get("Progressing") or {}
            if stalled.get("status") == "False":
                return cls(False, stalled.get("reason") or "NotProgressing", f"{kind} {name}: {stalled.get('message')}")
            ready = conditions.get("Available") or {}
        else:  # a Knative Service sums itself up in Ready
            ready = conditions.get("Ready") or {}
        if ready.get("status") != "True":
            return cls(
                False,
                ready.get("reason") or "WorkloadUnavailable",
                f"{kind} {name}: {ready.get('message') or 'not available yet'}",
            )
        return cls(True, "Available", f"{kind} {name} is available")
