"""Kubernetes Events (core/v1) for what the operator does and refuses, on the Bot or EventBinding concerned, so
`kubectl describe bot NAME` and `kubectl get events` tell the story. The operator records one only when it changes
something (an object written, a status that moved), so a pass that changes nothing records nothing."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone

from monsterbot.kubernetes.api import ApiException, TransportError, client

log = logging.getLogger(__name__)
COMPONENT = "monsterbot-operator"


class EventRecorder:
    """Writes Events; a failure to write one is logged, never fails the pass (the change itself is made)."""

    def __init__(self, core: client.CoreV1Api, instance: str = "") -> None:
        self._core = core
        self._instance = instance

    def record(self, about: dict, kind: str, reason: str, message: str, warning: bool = False) -> None:
        meta = about["metadata"]
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        event = {
            "apiVersion": "v1",
            "kind": "Event",
            "metadata": {"name": f"{meta['name']}.{uuid.uuid4().hex[:16]}", "namespace": meta["namespace"]},
            "involvedObject": {
                "apiVersion": about.get("apiVersion", ""),
                "kind": kind,
                "name": meta["name"],
                "namespace": meta["namespace"],
                "uid": meta.get("uid", ""),
                "resourceVersion": meta.get("resourceVersion", ""),
            },
            "type": "Warning" if warning else "Normal",
            "reason": reason,
            "message": message[:1024],
            "source": {"component": COMPONENT},
            "reportingComponent": COMPONENT,
            "reportingInstance": self._instance,
            "firstTimestamp": now,
            "lastTimestamp": now,
            "count": 1,
        }
        try:
            self._core.create_namespaced_event(meta["namespace"], event)
        except (ApiException, TransportError, OSError) as exc:
            log.warning(
                "could not record the Event %s on %s %s/%s: %s",
                reason,
                kind,
                meta["namespace"],
                meta["name"],
                getattr(exc, "status", None) or type(exc).__name__,
            )
