"""List and watch EventBindings with the official kubernetes client, keeping a current copy of them.

resourceVersion bookkeeping: the list's version starts the watch; every event and BOOKMARK moves
it on; a 410 Gone (the version was compacted away) means list again. Errors back off exponentially.
`stop()` ends the loop at the next event or server timeout (the watch's timeoutSeconds).
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from monsterbot.kubernetes.api import ApiException, TransportError, client, watch
from monsterbot.kubernetes.crds import GROUP, VERSION
from monsterbot.sources.bindings import binding_key

log = logging.getLogger(__name__)
PLURAL = "eventbindings"


class Gone(Exception):
    """The watch's resourceVersion is too old: list again."""


class EventBindingWatcher(threading.Thread):
    """Keeps `objects` (namespace/name → object) current and calls `on_change` with a copy after each change."""

    def __init__(
        self,
        api: client.CustomObjectsApi,
        on_change: Callable[[dict[str, dict[str, Any]]], None],
        namespace: str | None = None,
        watch_timeout: int = 60,
        backoff: tuple[float, float] = (0.5, 30.0),
    ) -> None:
        super().__init__(name="eventbinding-watcher", daemon=True)
        self._api = api
        self._on_change = on_change
        self._namespace = namespace
        self._timeout = watch_timeout
        self._backoff = backoff
        self._stop_event = threading.Event()
        self._watch: watch.Watch | None = None
        self.objects: dict[str, dict[str, Any]] = {}
        self.synced = threading.Event()  # set once the first list has been applied
        self.resource_version = ""
        self.lists = 0
        self.errors = 0

    def _call(self, **kwargs: Any) -> Any:
        if self._namespace:
            return self._api.list_namespaced_custom_object(GROUP, VERSION, self._namespace, PLURAL, **kwargs)
        return self._api.list_cluster_custom_object(GROUP, VERSION, PLURAL, **kwargs)

    def run(self) -> None:
        delay = self._backoff[0]
        while not self._stop_event.is_set():
            try:
                self._list()
                delay = self._backoff[0]
                while not self._stop_event.is_set():
                    self._watch_once()
            except Gone:
                log.info("EventBinding watch expired (410 Gone); listing again")
            except (ApiException, TransportError, OSError, ValueError) as exc:
                self.errors += 1
                log.warning("EventBinding list/watch failed (%s); retrying in %.1fs", _brief(exc), delay)
                self._stop_event.wait(delay)
                delay = min(delay * 2, self._backoff[1])

    def _list(self) -> None:
        response = self._call(_request_timeout=30)
        self.lists += 1
        self.objects = {binding_key(item): item for item in response.get("items", [])}
        self.resource_version = response["metadata"]["resourceVersion"]
        self._changed()
        self.synced.set()

    def _watch_once(self) -> None:
        self._watch = watch.Watch()
        stream = self._watch.stream(
            self._call,
            resource_version=self.resource_version,
            allow_watch_bookmarks=True,
            timeout_seconds=self._timeout,
            _request_timeout=self._timeout + 10,
        )
        try:
            for event in stream:
                kind, obj = event["type"], event["raw_object"]
                if kind == "ERROR":
                    raise (
                        Gone()
                        if obj.get("code") == 410
                        else ApiException(status=obj.get("code"), reason=obj.get("message"))
                    )
                self.resource_version = obj["metadata"]["resourceVersion"]
                if kind == "BOOKMARK":
                    continue
                key = binding_key(obj)
                if kind == "DELETED":
                    self.objects.pop(key, None)
                else:
                    self.objects[key] = obj
                self._changed()
                if self._stop_event.is_set():
                    break
        except ApiException as exc:
            if exc.status == 410:
                raise Gone() from None
            raise
        finally:
            self._watch.stop()

    def _changed(self) -> None:
        try:
            self._on_change(dict(self.objects))
        except Exception:
            log.exception("EventBinding change handler failed")

    def stop(self) -> None:
        """End the loop at the next event or watch timeout."""
        self._stop_event.set()
        if self._watch:
            self._watch.stop()


def _brief(exc: Exception) -> str:
    status = getattr(exc, "status", None)
    return f"HTTP {status}" if status else type(exc).__name__
