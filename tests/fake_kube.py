"""A small Kubernetes API server on loopback: enough of list, watch, get, create, replace, patch and delete
for any resource path, so the real `kubernetes` client can be tested against real HTTP.

Watches stream JSON lines (ADDED / MODIFIED / DELETED / BOOKMARK / ERROR) from a resourceVersion;
`expire_watches()` makes the next watch answer 410 Gone like a compacted etcd; `fail_next()` makes the
next requests fail with an HTTP status.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

_PATH = re.compile(
    r"^/(?:api/(?P<core>v1)|apis/(?P<group>[^/]+)/(?P<version>[^/]+))"
    r"(?:/namespaces/(?P<ns>[^/]+))?/(?P<plural>[^/]+)(?:/(?P<name>[^/]+))?(?:/(?P<sub>status))?$"
)


class FakeKube:
    """Objects by (api prefix, plural) → {(namespace, name): object}, with an event log for watches."""

    def __init__(self) -> None:
        self.objects: dict[tuple[str, str], dict[tuple[str, str], dict]] = {}
        self.events: list[tuple[int, str, str, dict]] = []  # (rv, type, collection key, object)
        self.requests: list[tuple[str, str]] = []  # (method, path?query)
        self.rv = 100
        self.expire_next_watch = False
        self.failures: list[int] = []
        self.bookmark_every = 0.0
        self.cond = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                fake._dispatch(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._dispatch(self, "POST")

            def do_PUT(self) -> None:  # noqa: N802
                fake._dispatch(self, "PUT")

            def do_PATCH(self) -> None:  # noqa: N802
                fake._dispatch(self, "PATCH")

            def do_DELETE(self) -> None:  # noqa: N802
                fake._dispatch(self, "DELETE")

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        with self.cond:
            self.cond.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def kubeconfig(self, path) -> str:
        """Write a kubeconfig that points the client here; return its path."""
        path.write_text(json.dumps({
            "apiVersion": "v1", "kind": "Config", "current-context": "fake",
            "clusters": [{"name": "fake", "cluster": {"server": self.url}}],
            "contexts": [{"name": "fake", "context": {"cluster": "fake", "user": "fake", "namespace": "default"}}],
            "users": [{"name": "fake", "user": {"token": "fake-token"}}],
        }))
        return str(path)

    # --- test controls -------------------------------------------------------------------------
    def apply(self, path: str, obj: dict) -> dict:
        """Create or replace an object as `kubectl apply` would (path: the collection URL)."""
        key, ns = self._collection(path)
        name = obj["metadata"]["name"]
        exists = (ns, name) in self.objects.get(key, {})
        return self._store(key, ns, name, obj, "MODIFIED" if exists else "ADDED")

    def delete(self, path: str, name: str) -> None:
        key, ns = self._collection(path)
        obj = self.objects.get(key, {}).pop((ns, name))
        self._event("DELETED", key, obj)

    def expire_watches(self) -> None:
        """The next watch gets 410 Gone, as when etcd compacted the version it asks for."""
        self.expire_next_watch = True

    def fail_next(self, count: int, status: int = 500) -> None:
        self.failures += [status] * count

    def writes(self) -> list[tuple[str, str]]:
        return [r for r in self.requests if r[0] in ("POST", "PUT", "PATCH", "DELETE")]

    # --- internals ---------------------------------------------------------------------------------
    @staticmethod
    def _collection(path: str) -> tuple[tuple[str, str], str]:
        match = _PATH.match(path)
        assert match, path
        prefix = "v1" if match["core"] else f"{match['group']}/{match['version']}"
        return (prefix, match["plural"]), match["ns"] or ""

    def _store(self, key, ns, name, obj, kind) -> dict:
        with self.cond:
            self.rv += 1
            obj = copy.deepcopy(obj)
            meta = obj.setdefault("metadata", {})
            meta.update(name=name, resourceVersion=str(self.rv))
            if ns:
                meta["namespace"] = ns
            old = self.objects.get(key, {}).get((ns, name))
            meta.setdefault("uid", (old or {}).get("metadata", {}).get("uid") or f"uid-{name}-{self.rv}")
            generation = (old or {}).get("metadata", {}).get("generation", 0)
            if old is None or old.get("spec") != obj.get("spec"):
                generation += 1
            meta["generation"] = generation
            self.objects.setdefault(key, {})[(ns, name)] = obj
            self.events.append((self.rv, kind, f"{key}", copy.deepcopy(obj)))
            self.cond.notify_all()
            return obj

    def _event(self, kind, key, obj) -> None:
        with self.cond:
            self.rv += 1
            obj = copy.deepcopy(obj)
            obj["metadata"]["resourceVersion"] = str(self.rv)
            self.events.append((self.rv, kind, f"{key}", obj))
            self.cond.notify_all()

    def _send(self, handler, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _status(self, handler, code: int, reason: str, message: str) -> None:
        self._send(handler, code, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "code": code,
                                   "reason": reason, "message": message})

    def _dispatch(self, handler, method: str) -> None:
        url = urlparse(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.requests.append((method, handler.path))
        length = int(handler.headers.get("Content-Length") or 0)
        body = json.loads(handler.rfile.read(length) or b"null") if length else None
        if self.failures:
            status = self.failures.pop(0)
            return self._status(handler, status, "InternalError", "injected failure")
        match = _PATH.match(url.path)
        if not match:
            return self._status(handler, 404, "NotFound", url.path)
        key, ns = self._collection(url.path)
        name, sub = match["name"], match["sub"]
        items = self.objects.setdefault(key, {})
        if method == "GET" and name is None:
            if query.get("watch") in ("true", "1", "True"):
                return self._watch(handler, key, ns, query)
            with self.cond:
                listed = [copy.deepcopy(o) for (o_ns, _), o in sorted(items.items()) if not ns or o_ns == ns]
                rv = self.rv
            return self._send(handler, 200, {"kind": "List", "apiVersion": key[0], "items": listed,
                                             "metadata": {"resourceVersion": str(rv)}})
        if method == "POST":
            obj_name = body["metadata"]["name"]
            if (ns, obj_name) in items:
                return self._status(handler, 409, "AlreadyExists", obj_name)
            return self._send(handler, 201, self._store(key, ns, obj_name, body, "ADDED"))
        current = items.get((ns, name))
        if current is None:
            return self._status(handler, 404, "NotFound", f"{key[1]} {name!r} not found")
        if method == "GET":
            return self._send(handler, 200, current)
        if method == "DELETE":
            self.delete(url.path.rsplit("/", 1)[0], name)
            return self._send(handler, 200, {"kind": "Status", "status": "Success"})
        if method == "PUT":
            updated = body
        else:  # PATCH: a JSON merge patch (what the client sends for dicts)
            updated = _merge(copy.deepcopy(current), body)
        if sub == "status":
            updated = dict(current, status=updated.get("status"))
        elif method == "PUT":
            updated["status"] = current.get("status")
        return self._send(handler, 200, self._store(key, ns, name, updated, "MODIFIED"))

    def _watch(self, handler, key, ns, query) -> None:
        since = int(query.get("resourceVersion") or 0)
        timeout = float(query.get("timeoutSeconds") or 5)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()

        def line(event: dict) -> None:
            data = json.dumps(event).encode() + b"\n"
            handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            handler.wfile.flush()

        try:
            if self.expire_next_watch:
                self.expire_next_watch = False
                line({"type": "ERROR", "object": {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                                  "code": 410, "reason": "Expired", "message": "too old resource version"}})
                return
            deadline = time.monotonic() + timeout
            last_bookmark = time.monotonic()
            while time.monotonic() < deadline:
                with self.cond:
                    pending = [e for e in self.events if e[0] > since and e[2] == f"{key}"
                               and (not ns or e[3]["metadata"].get("namespace") == ns)]
                    if not pending:
                        self.cond.wait(0.05)
                for rv, kind, _, obj in pending:
                    line({"type": kind, "object": obj})
                    since = rv
                if self.bookmark_every and query.get("allowWatchBookmarks") in ("true", "True") \
                        and time.monotonic() - last_bookmark > self.bookmark_every:
                    line({"type": "BOOKMARK", "object": {"kind": "Object", "apiVersion": key[0],
                                                         "metadata": {"resourceVersion": str(self.rv)}}})
                    since = max(since, self.rv)
                    last_bookmark = time.monotonic()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            try:
                handler.wfile.write(b"0\r\n\r\n")
                handler.wfile.flush()
            except OSError:
                pass


def _merge(target: Any, patch: Any) -> Any:
    if not isinstance(patch, dict):
        return patch
    if not isinstance(target, dict):
        target = {}
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        else:
            target[k] = _merge(target.get(k), v)
    return target
