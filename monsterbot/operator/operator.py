"""The operator: reconcile Bots into webhook objects and write EventBindings' status.

Plain kubernetes client rather than kopf: the work is one level-based loop (list, compute the
desired state with pure functions, write only differences) plus a Lease, which the plain client
does in a few dozen lines; kopf would add an asyncio framework, its own finalizers and state
annotations for no gain here, and the pure reconcile functions are tested without any framework.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from monsterbot.core.model import KnowledgeSet
from monsterbot.kubernetes.api import ApiException, TransportError, client
from monsterbot.kubernetes.crds import GROUP, VERSION
from monsterbot.operator import metrics
from monsterbot.operator.events import EventRecorder
from monsterbot.operator.models import WorkloadState
from monsterbot.operator.reconcile import (
    SPEC_HASH,
    PodPolicy,
    Refusal,
    Verdict,
    binding_conditions,
    binding_status,
    bot_selector,
    bot_status,
    bound_bindings,
    desired_resources,
)
from monsterbot.sources.bindings import binding_key

log = logging.getLogger(__name__)
LEASE_NAME = "monsterbot-operator"
HEARTBEAT = Path("/tmp/monsterbot-operator.alive")


class LeadershipLost(Exception):
    """The pass outlived the Lease: stop writing, another replica may be leading."""


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Operator:
    """One reconcile pass over the Bots and EventBindings of its namespaces; idempotent.

    `namespaces` empty means the whole cluster (the chart's opt-in ClusterRole). `may_write` is asked before every
    write: when it says no (the Lease is no longer surely held) the pass stops with LeadershipLost.
    """

    def __init__(
        self,
        api_client: client.ApiClient,
        namespaces: Sequence[str],
        base: KnowledgeSet,
        policy: PodPolicy,
        may_write: Callable[[], bool] = lambda: True,
        instance: str = "",
    ) -> None:
        self.custom = client.CustomObjectsApi(api_client)
        self.apps = client.AppsV1Api(api_client)
        self.core = client.CoreV1Api(api_client)
        self.namespaces = tuple(namespaces)
        self.base = base
        self.policy = policy
        self._may_write = may_write
        self.events = EventRecorder(self.core, instance)
        self._verdicts: tuple[object, dict[str, Verdict]] = (None, {})  # the last pass's, by what they depend on

    def _list(self, plural: str) -> list[dict]:
        if not self.namespaces:
            return list(self.custom.list_cluster_custom_object(GROUP, VERSION, plural)["items"])
        return [
            item
            for namespace in self.namespaces
            for item in self.custom.list_namespaced_custom_object(GROUP, VERSION, namespace, plural)["items"]
        ]

    def _write(self) -> None:
        if not self._may_write():
            raise LeadershipLost("the operator lease may have passed to another replica")

    def reconcile_all(self) -> None:
        """Bring every Bot's objects, then every EventBinding's status, in line with the specs: the Bots first, so
        however many bindings there are, a Bot's own objects never wait for their statuses."""
        bots, bindings = self._list("bots"), self._list("eventbindings")
        for bot in bots:
            try:
                self.reconcile_bot(bot, bindings)
            except ApiException as exc:
                log.error("reconciling Bot %s failed: HTTP %s", bot["metadata"]["name"], exc.status)
        verdicts = self._binding_verdicts(bindings, bots)
        for binding in bindings:
            self._write_binding_status(binding, verdicts[binding_key(binding)])

    def _binding_verdicts(self, bindings: list[dict], bots: list[dict]) -> dict[str, Verdict]:
        """The bindings' verdicts, computed again only when what they depend on changed: each binding's spec
        (generation) and labels, and the Bots' names and selectors (a status write changes neither)."""
        depends = (
            tuple(
                (
                    binding_key(b),
                    b["metadata"].get("uid"),
                    b["metadata"].get("generation"),
                    str(b["metadata"].get("labels")),
                )
                for b in bindings
            ),
            tuple((b["metadata"].get("namespace"), b["metadata"]["name"], str(bot_selector(b))) for b in bots),
        )
        if depends != self._verdicts[0]:
            self._verdicts = (depends, binding_conditions(bindings, bots, self.base, self.policy.chart_webhook))
        return self._verdicts[1]

    def reconcile_bot(self, bot: dict, bindings: list[dict]) -> None:
        """Create or update the Bot's webhook objects, then its status; a refused Bot gets only its status."""
        bound = bound_bindings(bot, bindings)
        refusal = None
        desired: list[dict] = []
        workloads: list[WorkloadState] = []
        try:
            desired = desired_resources(bot, bound, self.policy)
            for obj in desired:
                current = self._apply(obj, bot)
                if obj["kind"] != "Service" or obj["apiVersion"] != "v1":  # the Deployment or the Knative Service
                    workloads.append(WorkloadState.of(current))
        except Refusal as refused:
            log.warning("Bot %s/%s refused: %s", bot["metadata"].get("namespace"), bot["metadata"]["name"], refused)
            refusal = refused
        status = bot_status(bot, desired, bound, _now(), refusal, workloads)
        if _without_times(bot.get("status")) != _without_times(status):
            meta = bot["metadata"]
            self._write()
            self.custom.patch_namespaced_custom_object_status(
                GROUP, VERSION, meta["namespace"], "bots", meta["name"], {"status": status}
            )
            self._record_condition(bot, status["conditions"][0], previous=bot.get("status"))

    def _write_binding_status(self, binding: dict, verdict: Verdict) -> None:
        status = binding_status(binding, verdict, _now())
        if _without_times(binding.get("status")) != _without_times(status):
            meta = binding["metadata"]
            self._write()
            self.custom.patch_namespaced_custom_object_status(
                GROUP, VERSION, meta["namespace"], "eventbindings", meta["name"], {"status": status}
            )
            self._record_condition(binding, status["conditions"][0], previous=binding.get("status"))

    def _record_condition(self, obj: dict, condition: dict, previous: Any) -> None:
        """An Event when a Bot's Ready or a binding's Accepted condition changes: Normal when it holds, Warning with
        its reason (a refusal, or a workload that cannot serve) when it does not."""
        old: dict = next(iter((previous or {}).get("conditions") or []), {})
        if (old.get("status"), old.get("reason"), old.get("message")) == (
            condition["status"],
            condition["reason"],
            condition["message"],
        ):
            return
        held = condition["status"] == "True"
        if not held:
            metrics.REFUSALS.labels(obj["kind"], condition["reason"]).inc()
        self.events.record(obj, obj["kind"], condition["reason"], condition["message"], warning=not held)

    def _apply(self, obj: dict, bot: dict) -> dict:
        """Create the object, or replace it when its spec hash differs; never touch an object the Bot does not own.
        The object as the server has it after."""
        kind, meta = (obj["apiVersion"], obj["kind"]), obj["metadata"]
        read, create, replace = self._verbs(kind)
        try:
            current = self._plain(read(meta["name"], meta["namespace"]))
        except ApiException as exc:
            if exc.status != 404:
                raise
            self._write()
            made = self._plain(create(meta["namespace"], obj))
            self._done(bot, obj, "Created")
            return made
        owners = current["metadata"].get("ownerReferences") or []
        if not any(o.get("controller") and o.get("uid") == bot["metadata"].get("uid") for o in owners):
            raise Refusal(
                "NotOwned",
                f"{obj['kind']} {meta['namespace']}/{meta['name']} exists and is not "
                "controlled by this Bot; the operator leaves it alone (rename the Bot or "
                "delete that object)",
            )
        if (current["metadata"].get("annotations") or {}).get(SPEC_HASH) == meta["annotations"][SPEC_HASH]:
            return current
        body = dict(obj, metadata=dict(meta, resourceVersion=current["metadata"]["resourceVersion"]))
        if kind == ("v1", "Service"):  # a Service keeps its cluster IP across updates
            body["spec"] = dict(obj["spec"], clusterIP=(current.get("spec") or {}).get("clusterIP"))
        self._write()
        updated = self._plain(replace(meta["name"], meta["namespace"], body))
        self._done(bot, obj, "Updated")
        return updated

    def _plain(self, answer: Any) -> dict:
        """A typed client answer as the JSON the server sent (custom objects come as dicts already)."""
        return answer if isinstance(answer, dict) else dict(self.apps.api_client.sanitize_for_serialization(answer))

    def _done(self, bot: dict, obj: dict, verb: str) -> None:
        meta = obj["metadata"]
        log.info("%s %s %s/%s", verb.lower(), obj["kind"], meta["namespace"], meta["name"])
        metrics.WRITES.labels(obj["kind"], verb.lower()).inc()
        self.events.record(bot, "Bot", verb, f"{verb} {obj['kind']} {meta['name']}")

    def _verbs(self, kind: tuple[str, str]) -> tuple[Any, Any, Any]:
        if kind == ("apps/v1", "Deployment"):
            return (
                self.apps.read_namespaced_deployment,
                self.apps.create_namespaced_deployment,
                self.apps.replace_namespaced_deployment,
            )
        if kind == ("v1", "Service"):
            return (
                self.core.read_namespaced_service,
                self.core.create_namespaced_service,
                self.core.replace_namespaced_service,
            )
        knative = ("serving.knative.dev", "v1", "services")
        return (
            lambda name, ns: self.custom.get_namespaced_custom_object(*knative[:2], ns, knative[2], name),
            lambda ns, body: self.custom.create_namespaced_custom_object(*knative[:2], ns, knative[2], body),
            lambda name, ns, body: self.custom.replace_namespaced_custom_object(
                *knative[:2], ns, knative[2], name, body
            ),
        )


def _without_times(status: Any) -> Any:
    if not isinstance(status, dict):
        return status
    return {
        k: [{c: v for c, v in cond.items() if c != "lastTransitionTime"} for cond in val] if k == "conditions" else val
        for k, val in status.items()
    }


#: What a pass may meet and outlive: the API server's refusals, and the network failing under the client (urllib3's
#: own errors, a refused connection or a timeout, are not OSErrors).
PASS_ERRORS = (ApiException, OSError, TransportError)


class Reconciler(Protocol):
    """What a pass runs (an Operator): one reconcile of everything it watches."""

    def reconcile_all(self) -> None: ...


def one_pass(operator: Reconciler, acquire: Callable[[], bool], leading: bool) -> bool:
    """Renew the Lease and reconcile while holding it; whether it is held after (as it was, if renewing failed).
    A failure is logged and the next pass retries: an API server blip never ends the operator."""
    try:
        leading = acquire()
        metrics.LEADING.set(1 if leading else 0)
        if leading:
            with metrics.PASS_SECONDS.time():
                operator.reconcile_all()
            metrics.PASSES.inc()
    except LeadershipLost:
        metrics.PASS_ERRORS.labels("LeadershipLost").inc()
        log.warning("a reconcile pass outlived the operator lease; stopped it before writing")
    except PASS_ERRORS as exc:
        metrics.PASS_ERRORS.labels(type(exc).__name__).inc()
        log.error("operator pass failed: %s", getattr(exc, "status", None) or type(exc).__name__)
    return leading
