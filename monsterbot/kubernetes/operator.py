"""The operator: reconcile Bots into webhook objects and write EventBindings' status.

Plain kubernetes client rather than kopf: the work is one level-based loop (list, compute the
desired state with pure functions, write only differences) plus a Lease, which the plain client
does in a few dozen lines; kopf would add an asyncio framework, its own finalizers and state
annotations for no gain here, and the pure reconcile functions are tested without any framework.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime, timezone
from typing import Any

from kubernetes import client
from kubernetes.client.exceptions import ApiException

from monsterbot.core.model import KnowledgeSet
from monsterbot.kubernetes.crds import GROUP, VERSION
from monsterbot.kubernetes.leader import LeaseElector
from monsterbot.kubernetes.reconcile import (
    SPEC_HASH,
    binding_condition,
    binding_status,
    bot_status,
    bound_bindings,
    desired_resources,
)

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Operator:
    """One reconcile pass over every Bot and EventBinding; idempotent."""

    def __init__(self, api_client: client.ApiClient, namespace: str | None, base: KnowledgeSet) -> None:
        self.custom = client.CustomObjectsApi(api_client)
        self.apps = client.AppsV1Api(api_client)
        self.core = client.CoreV1Api(api_client)
        self.namespace = namespace
        self.base = base

    def _list(self, plural: str) -> list[dict]:
        if self.namespace:
            return self.custom.list_namespaced_custom_object(GROUP, VERSION, self.namespace, plural)["items"]
        return self.custom.list_cluster_custom_object(GROUP, VERSION, plural)["items"]

    def reconcile_all(self) -> None:
        """Bring every Bot's objects and every EventBinding's status in line with the specs."""
        bots, bindings = self._list("bots"), self._list("eventbindings")
        for binding in bindings:
            self._write_binding_status(binding, bots, bindings)
        for bot in bots:
            try:
                self.reconcile_bot(bot, bindings)
            except ApiException as exc:
                log.error("reconciling Bot %s failed: HTTP %s", bot["metadata"]["name"], exc.status)

    def reconcile_bot(self, bot: dict, bindings: list[dict]) -> None:
        """Create or update the Bot's webhook objects, then its status."""
        bound = bound_bindings(bot, bindings)
        desired = desired_resources(bot, bound)
        for obj in desired:
            self._apply(obj)
        status = bot_status(bot, desired, bound, _now())
        if _without_times(bot.get("status")) != _without_times(status):
            meta = bot["metadata"]
            self.custom.patch_namespaced_custom_object_status(GROUP, VERSION, meta["namespace"], "bots", meta["name"],
                                                              {"status": status})

    def _write_binding_status(self, binding: dict, bots: list[dict], bindings: list[dict]) -> None:
        condition = binding_condition(binding, bots, self.base, bindings)
        status = binding_status(binding, condition, _now())
        if _without_times(binding.get("status")) != _without_times(status):
            meta = binding["metadata"]
            self.custom.patch_namespaced_custom_object_status(GROUP, VERSION, meta["namespace"], "eventbindings",
                                                              meta["name"], {"status": status})

    def _apply(self, obj: dict) -> None:
        """Create the object, or replace it when its spec hash differs; otherwise write nothing."""
        kind, meta = (obj["apiVersion"], obj["kind"]), obj["metadata"]
        read, create, replace = self._verbs(kind)
        try:
            current = read(meta["name"], meta["namespace"])
        except ApiException as exc:
            if exc.status != 404:
                raise
            create(meta["namespace"], obj)
            log.info("created %s %s/%s", obj["kind"], meta["namespace"], meta["name"])
            return
        current = current if isinstance(current, dict) else self.apps.api_client.sanitize_for_serialization(current)
        if (current["metadata"].get("annotations") or {}).get(SPEC_HASH) == meta["annotations"][SPEC_HASH]:
            return
        body = dict(obj, metadata=dict(meta, resourceVersion=current["metadata"]["resourceVersion"]))
        if kind == ("v1", "Service"):  # a Service keeps its cluster IP across updates
            body["spec"] = dict(obj["spec"], clusterIP=(current.get("spec") or {}).get("clusterIP"))
        replace(meta["name"], meta["namespace"], body)
        log.info("updated %s %s/%s", obj["kind"], meta["namespace"], meta["name"])

    def _verbs(self, kind: tuple[str, str]) -> tuple[Any, Any, Any]:
        if kind == ("apps/v1", "Deployment"):
            return (self.apps.read_namespaced_deployment, self.apps.create_namespaced_deployment,
                    self.apps.replace_namespaced_deployment)
        if kind == ("v1", "Service"):
            return self.core.read_namespaced_service, self.core.create_namespaced_service, self.core.replace_namespaced_service
        knative = ("serving.knative.dev", "v1", "services")
        return (
            lambda name, ns: self.custom.get_namespaced_custom_object(*knative[:2], ns, knative[2], name),
            lambda ns, body: self.custom.create_namespaced_custom_object(*knative[:2], ns, knative[2], body),
            lambda name, ns, body: self.custom.replace_namespaced_custom_object(*knative[:2], ns, knative[2], name, body),
        )


def _without_times(status: Any) -> Any:
    if not isinstance(status, dict):
        return status
    return {k: [{c: v for c, v in cond.items() if c != "lastTransitionTime"} for cond in val] if k == "conditions" else val
            for k, val in status.items()}


def run_operator(namespace: str | None, interval: float, leader_election: bool) -> int:
    """Reconcile every `interval` seconds while holding the Lease; stop cleanly on SIGTERM or SIGINT."""
    from kubernetes import config

    from monsterbot import logs
    from monsterbot.config import Settings
    from monsterbot.sources.yaml_files import YamlSource

    settings = Settings.from_env(require_line=False)
    logs.configure(settings.log_format)
    try:
        config.load_incluster_config()
    except config.ConfigException:
        config.load_kube_config()
    api_client = client.ApiClient()
    base = YamlSource(settings.knowledge_paths).load()
    operator = Operator(api_client, namespace, base)
    lease_namespace = namespace or settings.pod_namespace
    elector = LeaseElector(client.CoordinationV1Api(api_client), "monsterbot-operator", lease_namespace, settings.pod_name)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    leading = False
    while not stop.is_set():
        try:
            leading = elector.acquire_or_renew() if leader_election else True
            if leading:
                operator.reconcile_all()
        except (ApiException, OSError) as exc:
            log.error("operator pass failed: %s", getattr(exc, "status", type(exc).__name__))
        stop.wait(interval)
    if leader_election and leading:
        elector.release()
    log.info("operator stopped")
    return 0
