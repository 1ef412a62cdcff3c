"""A knowledge source that adds the cluster's EventBindings to the YAML (or store) knowledge."""

from __future__ import annotations

import logging
from typing import Any, Callable, Mapping

from monsterbot.core.model import KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.sources import Source
from monsterbot.sources.binding_watcher import EventBindingWatcher
from monsterbot.sources.bindings import BindingKnowledge, belongs, merge, read_binding

log = logging.getLogger(__name__)


class ClusterSource:
    """Base knowledge merged with watched EventBindings; every change triggers `on_update` (a reload)."""

    def __init__(
        self,
        base: Source,
        api: Any,
        namespace: str | None = None,
        watch_timeout: int = 60,
        bot: str = "",
        selector: Mapping[str, str] | None = None,
    ) -> None:
        self.base = base
        self.bot, self.selector = bot, dict(selector or {})  # whose bindings these are (bindings.belongs)
        self.on_update: Callable[[], object] = lambda: None
        self._parsed: dict[tuple[str, str], BindingKnowledge] = {}
        self._bindings: list[BindingKnowledge] = []
        self._changes = 0
        self.watcher = EventBindingWatcher(api, self._on_change, namespace, watch_timeout)

    def _on_change(self, objects: dict[str, dict[str, Any]]) -> None:
        bindings = []
        for key, obj in objects.items():
            if not belongs(obj, self.bot, self.selector):
                continue  # another Bot's knowledge
            version = (key, str(obj.get("metadata", {}).get("resourceVersion")))
            if version not in self._parsed:
                self._parsed[version] = read_binding(obj)
                for problem in self._parsed[version].problems:
                    log.warning("EventBinding %s skipped: %s", key, problem)
            bindings.append(self._parsed[version])
        self._parsed = {k: v for k, v in self._parsed.items() if k[0] in objects}
        self._bindings = bindings
        self._changes += 1
        self.on_update()

    def load(self) -> KnowledgeSet:
        """The base knowledge with this webhook's bindings on top (a refused one contributes nothing)."""
        merged, refused = merge(self.base.load(), self._bindings)
        for key, why in refused.items():
            log.info("EventBinding %s skipped (%s): %s", key, why.reason, "; ".join(why.problems))
        return merged

    def fingerprint(self) -> str:
        return f"{self.base.fingerprint()}+{self._changes}"

    def compiled_index(self) -> Snapshot | None:
        """The base's index: the bindings add few monsters to it."""
        return self.base.compiled_index()

    @property
    def ready(self) -> bool:
        """True once the first list of EventBindings is in."""
        return self.watcher.synced.is_set()


def kubernetes_api() -> Any:
    """CustomObjectsApi from the in-cluster config, else from KUBECONFIG / ~/.kube/config."""
    from monsterbot.kubernetes.api import client, connect

    return client.CustomObjectsApi(connect())
