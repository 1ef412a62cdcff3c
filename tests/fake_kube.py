"""A stand-in Kubernetes API server on loopback, for the faults the real kube-apiserver cannot make on demand.

The Kubernetes tests run against a real kube-apiserver (tests/kube_apiserver.py). This stand-in stays for what a test
must inject: 5xx answers (`fail_next`), a 410 Gone on the next watch (`expire_watches`), bookmarks at will
(`bookmark_every`). It is made to refuse what the real server refuses, and more where being stricter is cheap:

- **optimistic concurrency**: a PUT or PATCH carrying a stale `metadata.resourceVersion` is 409 Conflict; a POST
  of an existing name is 409 AlreadyExists;
- **custom resources exist only through their CRD** (stored here like any object): an unknown group or plural is
  404; unknown fields are pruned by the CRD's structural schema (`x-kubernetes-preserve-unknown-fields` kept), then
  the object is validated against it (422 Invalid); with a status subresource, writes to the main resource keep the
  old status and writes to `/status` change nothing else; `generation` moves only when the spec does;
- **built-in objects** are validated by `kubernetes-validate` in strict mode (422 Invalid, unknown fields refused
  rather than dropped: stricter than the server's default warning);
- **what the real kube-apiserver was seen to refuse or do** (tests/test_kubernetes_fake.py runs each case against
  both): a Deployment whose selector misses its template's labels (422); `dryRun=All` stores nothing; PATCH by its
  Content-Type (a strategic merge patch merges lists of named items by name, a JSON patch applies its operations,
  a strategic merge patch of a custom resource is 415); labels and spec sent to `/status` ignored; a namespaced
  create in a missing namespace (404); Services given a clusterIP, a replace that drops it refused (422); typed lists
  (`DeploymentList`, items without kind); a body of another kind (400); Kubernetes' wording of 404s;
- **RBAC**: a kubeconfig made by `kubeconfig(path, service_account="ns/name")` authenticates as that service
  account, and every request is authorised from the Roles, ClusterRoles and bindings stored here (403 Forbidden with
  Kubernetes' message); the default user is a cluster admin for test set-up.

Watches stream JSON lines (ADDED / MODIFIED / DELETED / BOOKMARK / ERROR) from a resourceVersion;
`expire_watches()` makes the next watch answer 410 Gone like a compacted etcd; `fail_next()` makes the
next requests fail with an HTTP status.
"""

from __future__ import annotations

import builtins
import copy
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

_PATH = re.compile(
    r"^/(?:api/(?P<core>v1)|apis/(?P<group>[^/]+)/(?P<version>[^/]+))"
    r"(?:/namespaces/(?P<ns>[^/]+))?/(?P<plural>[^/]+)(?:/(?P<name>[^/]+))?(?:/(?P<sub>status))?$"
)
#: The Kubernetes schemas built-in objects are checked against (kubernetes_validate, strict). Not the reference
#: server's v1.20.2 (tests/kube_apiserver.py): kubernetes_validate ships none older than 1.25, and the chart needs
#: kubeVersion >= 1.27 (Chart.yaml); 1.33 is a version within that range the schemas hold.
K8S_VERSION = "1.33"
ADMIN_TOKEN = "admin-token"
BUILTIN = {  # (api prefix, plural) → (kind, namespaced)
    ("v1", "services"): ("Service", True),
    ("v1", "secrets"): ("Secret", True),
    ("v1", "configmaps"): ("ConfigMap", True),
    ("v1", "serviceaccounts"): ("ServiceAccount", True),
    ("v1", "pods"): ("Pod", True),
    ("v1", "namespaces"): ("Namespace", False),
    ("apps/v1", "deployments"): ("Deployment", True),
    ("coordination.k8s.io/v1", "leases"): ("Lease", True),
    ("policy/v1", "poddisruptionbudgets"): ("PodDisruptionBudget", True),
    ("autoscaling/v2", "horizontalpodautoscalers"): ("HorizontalPodAutoscaler", True),
    ("networking.k8s.io/v1", "ingresses"): ("Ingress", True),
    ("networking.k8s.io/v1", "networkpolicies"): ("NetworkPolicy", True),
    ("rbac.authorization.k8s.io/v1", "roles"): ("Role", True),
    ("rbac.authorization.k8s.io/v1", "rolebindings"): ("RoleBinding", True),
    ("rbac.authorization.k8s.io/v1", "clusterroles"): ("ClusterRole", False),
    ("rbac.authorization.k8s.io/v1", "clusterrolebindings"): ("ClusterRoleBinding", False),
    ("apiextensions.k8s.io/v1", "customresourcedefinitions"): ("CustomResourceDefinition", False),
}
_PLURAL_OF = {(api, kind): plural for (api, plural), (kind, _) in BUILTIN.items()}
_CRDS = ("apiextensions.k8s.io/v1", "customresourcedefinitions")
_VERBS = {"POST": "create", "PUT": "update", "PATCH": "patch", "DELETE": "delete"}


class Refused(Exception):
    """An answer other than success: HTTP status, Kubernetes reason, message."""

    def __init__(self, code: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.code, self.reason, self.message = code, reason, message


class FakeKube:
    """Objects by (api prefix, plural) → {(namespace, name): object}, with an event log for watches."""

    def __init__(self) -> None:
        self.objects: dict[tuple[str, str], dict[tuple[str, str], dict]] = {}
        self.events: list[tuple[int, str, str, dict]] = []  # (rv, type, collection key, object)
        self.requests: list[tuple[str, str]] = []  # (method, path?query)
        self.denied: list[str] = []  # the message of every 403
        self.tokens: dict[str, str] = {ADMIN_TOKEN: "admin"}  # bearer token → user name
        self.rv = 100
        self.expire_next_watch = False
        self.failures: list[int] = []
        self.bookmark_every = 0.0
        self.cond = threading.Condition()
        self._cluster_ips = iter(f"10.96.{n // 250}.{n % 250 + 2}" for n in range(60_000))
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                fake._dispatch(self, "GET")

            def do_POST(self) -> None:
                fake._dispatch(self, "POST")

            def do_PUT(self) -> None:
                fake._dispatch(self, "PUT")

            def do_PATCH(self) -> None:
                fake._dispatch(self, "PATCH")

            def do_DELETE(self) -> None:
                fake._dispatch(self, "DELETE")

            def log_message(self, *args: object) -> None:
                return

        for namespace in ("default", "kube-system", "kube-public", "kube-node-lease"):  # as a new cluster has them
            self._store(
                ("v1", "namespaces"),
                "",
                namespace,
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}},
                "ADDED",
            )
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

    def kubeconfig(self, path: Path, service_account: str | None = None) -> str:
        """Write a kubeconfig that points the client here, as the admin or as `namespace/name`; return its path."""
        token = ADMIN_TOKEN
        if service_account:
            token = f"token-{service_account.replace('/', '-')}"
            namespace, name = service_account.split("/")
            self.tokens[token] = f"system:serviceaccount:{namespace}:{name}"
        path.write_text(
            json.dumps(
                {
                    "apiVersion": "v1",
                    "kind": "Config",
                    "current-context": "fake",
                    "clusters": [{"name": "fake", "cluster": {"server": self.url}}],
                    "contexts": [
                        {"name": "fake", "context": {"cluster": "fake", "user": "fake", "namespace": "default"}}
                    ],
                    "users": [{"name": "fake", "user": {"token": token}}],
                }
            )
        )
        return str(path)

    # --- test controls -------------------------------------------------------------------------
    def apply(self, path: str, obj: dict) -> dict:
        """Create or replace an object as an admin's `kubectl apply` would (path: the collection URL)."""
        key, ns = self._collection(path)
        name = obj["metadata"]["name"]
        with self.cond:
            current = self.objects.get(key, {}).get((ns, name))
            admitted = self._admit(key, current, copy.deepcopy(obj), None)
            return self._store(key, ns, name, admitted, "MODIFIED" if current else "ADDED")

    def apply_object(self, obj: dict, namespace: str = "default") -> dict:
        """Apply a manifest (a CRD, a Role, a Deployment, a custom resource…) at the path its kind lives at."""
        api, kind = obj["apiVersion"], obj["kind"]
        plural = _PLURAL_OF.get((api, kind)) or self._crd_plural(api, kind)
        namespaced = BUILTIN[(api, plural)][1] if (api, plural) in BUILTIN else True
        prefix = "/api/v1" if api == "v1" else f"/apis/{api}"
        ns = obj["metadata"].get("namespace") or namespace
        return self.apply(f"{prefix}/namespaces/{ns}/{plural}" if namespaced else f"{prefix}/{plural}", obj)

    def delete(self, path: str, name: str) -> None:
        key, ns = self._collection(path)
        obj = self.objects.get(key, {}).pop((ns, name))
        self._event("DELETED", key, obj)

    def get(self, api: str, plural: str, namespace: str, name: str) -> dict | None:
        return self.objects.get((api, plural), {}).get((namespace, name))

    def list(self, api: str, plural: str, namespace: str = "") -> list[dict]:
        return [
            o for (ns, _), o in sorted(self.objects.get((api, plural), {}).items()) if not namespace or ns == namespace
        ]

    def expire_watches(self) -> None:
        """The next watch gets 410 Gone, as when etcd compacted the version it asks for."""
        self.expire_next_watch = True

    def fail_next(self, count: int, status: int = 500) -> None:
        self.failures += [status] * count

    def writes(self) -> builtins.list[tuple[str, str]]:  # (in this class, `list` is the method above)
        return [r for r in self.requests if r[0] in ("POST", "PUT", "PATCH", "DELETE")]

    # --- internals: paths and custom resources -----------------------------------------------------
    @staticmethod
    def _collection(path: str) -> tuple[tuple[str, str], str]:
        match = _PATH.match(path)
        assert match, path
        prefix = "v1" if match["core"] else f"{match['group']}/{match['version']}"
        return (prefix, match["plural"]), match["ns"] or ""

    def _crd_plural(self, api: str, kind: str) -> str:
        for crd in self.objects.get(_CRDS, {}).values():
            if f"{crd['spec']['group']}/" in api + "/" and crd["spec"]["names"]["kind"] == kind:
                return str(crd["spec"]["names"]["plural"])
        raise Refused(404, "NotFound", f"no kind {kind!r} is registered for version {api!r}")

    def _crd_version(self, key: tuple[str, str]) -> dict | None:
        """The CRD version that serves this (group/version, plural), or None when it is not a custom resource."""
        group, _, version = key[0].partition("/")
        crd = self.objects.get(_CRDS, {}).get(("", f"{key[1]}.{group}"))
        if crd is None:
            return None
        return next((v for v in crd["spec"]["versions"] if v["name"] == version and v.get("served")), None)

    def _check_resource(self, key: tuple[str, str], ns: str) -> dict | None:
        """The CRD version of a custom resource; 404 for a resource the server does not have."""
        if key in BUILTIN:
            if ns and not BUILTIN[key][1]:
                raise Refused(404, "NotFound", f"{key[1]} is cluster-scoped")
            return None
        version = self._crd_version(key)
        if version is None:
            raise Refused(404, "NotFound", f"the server could not find the requested resource ({key[1]}.{key[0]})")
        return version

    # --- internals: admission (pruning, validation, status, concurrency) -----------------------------
    def _admit(self, key: tuple[str, str], current: dict | None, obj: dict, sub: str | None) -> dict:
        """The object as the server would store it, or Refused."""
        version = self._crd_version(key)
        if key in BUILTIN:  # the client may leave these out; the server takes them from the URL
            obj.setdefault("apiVersion", key[0])
            obj.setdefault("kind", BUILTIN[key][0])
            if (obj["apiVersion"], obj["kind"]) != (key[0], BUILTIN[key][0]):
                raise Refused(
                    400,
                    "BadRequest",
                    f"the object provided is unrecognized (must be of type "
                    f"{BUILTIN[key][0]}): {obj['kind']} {obj['apiVersion']}",
                )
        sent_rv = (obj.get("metadata") or {}).get("resourceVersion")
        if current is not None and sent_rv and sent_rv != current["metadata"]["resourceVersion"]:
            raise Refused(
                409,
                "Conflict",
                f'Operation cannot be fulfilled on {key[1]} "{current["metadata"]["name"]}": '
                "the object has been modified; please apply your changes to the latest "
                "version and try again",
            )
        has_status = version is not None and "status" in (version.get("subresources") or {}) or key in BUILTIN
        if current is not None and has_status:
            if sub == "status":  # only the status changes: labels, annotations and spec sent here are ignored
                sent_meta = obj.get("metadata") or {}
                obj = dict(copy.deepcopy(current), status=obj.get("status"))
                obj["metadata"]["resourceVersion"] = (
                    sent_meta.get("resourceVersion") or current["metadata"]["resourceVersion"]
                )
            else:
                obj["status"] = copy.deepcopy(current.get("status"))
                if obj["status"] is None:
                    del obj["status"]
        elif current is None and sub == "status":
            raise Refused(404, "NotFound", "no object to write the status of")
        if version is not None:
            group = key[0].partition("/")[0]
            kind = self.objects[_CRDS][("", f"{key[1]}.{group}")]["spec"]["names"]["kind"]
            if (obj.get("apiVersion"), obj.get("kind")) != (key[0], kind):
                raise Refused(400, "BadRequest", f"Object 'Kind' is missing or not {kind} {key[0]}")
            schema = version["schema"]["openAPIV3Schema"]
            meta = obj.get("metadata")
            obj = _prune(obj, schema)
            obj["metadata"] = meta
            _validate_custom(obj, schema)
        else:
            _validate_builtin(obj)
            _validate_semantics(obj)
        return obj

    def _kind(self, key: tuple[str, str]) -> str:
        if key in BUILTIN:
            return BUILTIN[key][0]
        group = key[0].partition("/")[0]
        return str(self.objects[_CRDS][("", f"{key[1]}.{group}")]["spec"]["names"]["kind"])

    def _store(self, key: tuple[str, str], ns: str, name: str, obj: dict, kind: str) -> dict:
        with self.cond:
            self.rv += 1
            obj = copy.deepcopy(obj)
            meta = obj.setdefault("metadata", {})
            meta.update(name=name, resourceVersion=str(self.rv))
            if ns:
                meta["namespace"] = ns
            old = self.objects.get(key, {}).get((ns, name))
            meta["uid"] = (old or {}).get("metadata", {}).get("uid") or meta.get("uid") or f"uid-{name}-{self.rv}"
            generation = (old or {}).get("metadata", {}).get("generation", 0)
            if old is None or _spec(old) != _spec(obj):
                generation += 1
            meta["generation"] = generation
            self.objects.setdefault(key, {})[(ns, name)] = obj
            self.events.append((self.rv, kind, f"{key}", copy.deepcopy(obj)))
            self.cond.notify_all()
            return obj

    def _event(self, kind: str, key: tuple[str, str], obj: dict) -> None:
        with self.cond:
            self.rv += 1
            obj = copy.deepcopy(obj)
            obj["metadata"]["resourceVersion"] = str(self.rv)
            self.events.append((self.rv, kind, f"{key}", obj))
            self.cond.notify_all()

    # --- internals: RBAC ------------------------------------------------------------------------------
    def _authorize(
        self, user: str, verb: str, key: tuple[str, str], ns: str, name: str | None, sub: str | None
    ) -> None:
        if user == "admin":
            return
        group = "" if key[0] == "v1" else key[0].split("/")[0]
        resource = f"{key[1]}/{sub}" if sub else key[1]
        rbac = "rbac.authorization.k8s.io/v1"
        _, _, sa_ns, sa_name = user.split(":")

        def bound(binding: dict) -> bool:
            return any(
                s.get("kind") == "ServiceAccount" and s.get("name") == sa_name and s.get("namespace") == sa_ns
                for s in binding.get("subjects") or []
            )

        def rules(ref: dict, namespace: str) -> list[dict]:
            if ref["kind"] == "ClusterRole":
                role = self.objects.get((rbac, "clusterroles"), {}).get(("", ref["name"]))
            else:
                role = self.objects.get((rbac, "roles"), {}).get((namespace, ref["name"]))
            return (role or {}).get("rules") or []

        granted: list[dict] = []
        for binding in self.objects.get((rbac, "clusterrolebindings"), {}).values():
            if bound(binding):
                granted += rules(binding["roleRef"], "")
        if ns:
            for (binding_ns, _), binding in self.objects.get((rbac, "rolebindings"), {}).items():
                if binding_ns == ns and bound(binding):
                    granted += rules(binding["roleRef"], ns)
        for rule in granted:
            if (
                _has(rule.get("apiGroups"), group)
                and _has(rule.get("resources"), resource)
                and _has(rule.get("verbs"), verb)
                and (not rule.get("resourceNames") or (name and name in rule["resourceNames"]))
            ):
                return
        where = f' in the namespace "{ns}"' if ns else " at the cluster scope"
        message = (
            f"{key[1]}{'.' + group if group else ''} {json.dumps(name) + ' ' if name else ''}is forbidden: "
            f'User "{user}" cannot {verb} resource "{resource}" in API group "{group}"{where}'
        )
        self.denied.append(message)
        raise Refused(403, "Forbidden", message)

    # --- internals: HTTP ------------------------------------------------------------------------------
    def _send(self, handler: Any, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _dispatch(self, handler: Any, method: str) -> None:
        url = urlparse(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.requests.append((method, handler.path))
        length = int(handler.headers.get("Content-Length") or 0)
        body = json.loads(handler.rfile.read(length) or b"null") if length else None
        try:
            if self.failures:
                status = self.failures.pop(0)
                raise Refused(status, "InternalError", "injected failure")
            user = self.tokens.get((handler.headers.get("Authorization") or "").removeprefix("Bearer "))
            if user is None:
                raise Refused(401, "Unauthorized", "Unauthorized")
            match = _PATH.match(url.path)
            if not match:
                raise Refused(404, "NotFound", url.path)
            key, ns = self._collection(url.path)
            name, sub = match["name"], match["sub"]
            watching = query.get("watch") in ("true", "1", "True")
            verb = _VERBS.get(method) or ("get" if name else "watch" if watching else "list")
            self._authorize(user, verb, key, ns, name, sub)
            self._check_resource(key, ns)
            query["content-type"] = (handler.headers.get("Content-Type") or "").split(";")[0]
            self._serve(handler, method, key, ns, name, sub, query, body, watching)
        except Refused as refused:
            self._send(
                handler,
                refused.code,
                {
                    "kind": "Status",
                    "apiVersion": "v1",
                    "metadata": {},
                    "status": "Failure",
                    "code": refused.code,
                    "reason": refused.reason,
                    "message": refused.message,
                },
            )

    def _serve(
        self,
        handler: Any,
        method: str,
        key: tuple[str, str],
        ns: str,
        name: str | None,
        sub: str | None,
        query: dict[str, str],
        body: Any,
        watching: bool,
    ) -> None:
        items = self.objects.setdefault(key, {})
        if method == "GET" and name is None:
            if watching:
                return self._watch(handler, key, ns, query)
            with self.cond:
                listed = [copy.deepcopy(o) for (o_ns, _), o in sorted(items.items()) if not ns or o_ns == ns]
                rv = self.rv
            if key in BUILTIN:  # a typed list: its items carry no kind
                listed = [{k: v for k, v in o.items() if k not in ("kind", "apiVersion")} for o in listed]
            return self._send(
                handler,
                200,
                {
                    "kind": f"{self._kind(key)}List",
                    "apiVersion": key[0],
                    "items": listed,
                    "metadata": {"resourceVersion": str(rv)},
                },
            )
        dry_run = query.get("dryRun") == "All"
        if method == "POST":
            if (body.get("metadata") or {}).get("resourceVersion"):
                raise Refused(500, "InternalError", "resourceVersion should not be set on objects to be created")
            obj_name = body["metadata"]["name"]
            with self.cond:
                if ns and not self.objects[("v1", "namespaces")].get(("", ns)):
                    raise Refused(404, "NotFound", f'namespaces "{ns}" not found')
                if (ns, obj_name) in items:
                    raise Refused(409, "AlreadyExists", f'{_resource(key)} "{obj_name}" already exists')
                admitted = self._admit(key, None, body, None)
                if key == ("v1", "services") and not admitted["spec"].get("clusterIP"):
                    admitted["spec"]["clusterIP"] = next(self._cluster_ips)
                if dry_run:
                    return self._send(handler, 201, dict(admitted, metadata=dict(admitted["metadata"], namespace=ns)))
                return self._send(handler, 201, self._store(key, ns, obj_name, admitted, "ADDED"))
        assert name is not None  # a collection takes only GET and POST
        with self.cond:
            current = items.get((ns, name))
            if current is None:
                raise Refused(404, "NotFound", f'{_resource(key)} "{name}" not found')
            if method == "GET":
                return self._send(handler, 200, copy.deepcopy(current))
            if method == "DELETE":
                obj = items.pop((ns, name))
                self._event("DELETED", key, obj)
                return self._send(handler, 200, {"kind": "Status", "apiVersion": "v1", "status": "Success"})
            if method == "PUT":
                updated = body
                if (body.get("metadata") or {}).get("name") != name:
                    raise Refused(400, "BadRequest", "the name of the object does not match the name on the URL")
            else:
                updated = _patch(copy.deepcopy(current), body, query["content-type"], key in BUILTIN)
                sent = (body.get("metadata") or {}).get("resourceVersion") if isinstance(body, dict) else None
                updated.setdefault("metadata", {})["resourceVersion"] = sent or current["metadata"]["resourceVersion"]
            admitted = self._admit(key, current, updated, sub)
            if key == ("v1", "services") and current["spec"].get("clusterIP") != admitted["spec"].get("clusterIP"):
                raise Refused(
                    422,
                    "Invalid",
                    f'Service "{name}" is invalid: spec.clusterIP: Invalid value: '
                    f'"{admitted["spec"].get("clusterIP") or ""}": field is immutable',
                )
            if dry_run:
                return self._send(handler, 200, admitted)
            return self._send(handler, 200, self._store(key, ns, name, admitted, "MODIFIED"))

    def _watch(self, handler: Any, key: tuple[str, str], ns: str, query: dict[str, str]) -> None:
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
                line(
                    {
                        "type": "ERROR",
                        "object": {
                            "kind": "Status",
                            "apiVersion": "v1",
                            "status": "Failure",
                            "code": 410,
                            "reason": "Expired",
                            "message": "too old resource version",
                        },
                    }
                )
                return
            deadline = time.monotonic() + timeout
            last_bookmark = time.monotonic()
            while time.monotonic() < deadline:
                with self.cond:
                    pending = [
                        e
                        for e in self.events
                        if e[0] > since and e[2] == f"{key}" and (not ns or e[3]["metadata"].get("namespace") == ns)
                    ]
                    if not pending:
                        self.cond.wait(0.05)
                for rv, kind, _, obj in pending:
                    line({"type": kind, "object": obj})
                    since = rv
                if (
                    self.bookmark_every
                    and query.get("allowWatchBookmarks") in ("true", "True")
                    and time.monotonic() - last_bookmark > self.bookmark_every
                ):
                    line(
                        {
                            "type": "BOOKMARK",
                            "object": {
                                "kind": "Object",
                                "apiVersion": key[0],
                                "metadata": {"resourceVersion": str(self.rv)},
                            },
                        }
                    )
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


def _has(allowed: list[str] | None, value: str) -> bool:
    return bool(allowed) and ("*" in allowed or value in allowed)  # type: ignore[operator]


def _spec(obj: dict) -> dict:
    """What moves `generation`: everything but metadata and status."""
    return {k: v for k, v in obj.items() if k not in ("metadata", "status")}


def _prune(node: Any, schema: dict) -> Any:
    """Drop the fields a structural schema does not declare, as the API server prunes custom resources."""
    if isinstance(node, dict) and schema.get("type") == "object":
        if schema.get("x-kubernetes-preserve-unknown-fields"):
            return node
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        if properties is not None:
            return {k: _prune(v, properties[k]) for k, v in node.items() if k in properties}
        if isinstance(extra, dict):
            return {k: _prune(v, extra) for k, v in node.items()}
        return {}
    if isinstance(node, list) and isinstance(schema.get("items"), dict):
        return [_prune(item, schema["items"]) for item in node]
    return node


def _validate_custom(obj: dict, schema: dict) -> None:
    from openapi_schema_validator import OAS30Validator

    body = {k: v for k, v in obj.items() if k != "metadata"}
    rest = dict(schema, properties={k: v for k, v in schema.get("properties", {}).items() if k != "metadata"})
    errors = [
        f"{'.'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in OAS30Validator(rest).iter_errors(body)
    ]
    if errors:
        raise Refused(
            422, "Invalid", f"{obj.get('kind')} {obj['metadata'].get('name')!r} is invalid: " + "; ".join(errors)
        )


def _validate_builtin(obj: dict) -> None:
    import kubernetes_validate

    clean = copy.deepcopy(obj)
    meta = clean.get("metadata") or {}
    for field in ("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields"):
        meta.pop(field, None)
    if clean.get("status") is None:
        clean.pop("status", None)
    try:
        kubernetes_validate.validate(clean, K8S_VERSION, strict=True)
    except kubernetes_validate.ValidationError as exc:
        raise Refused(422, "Invalid", f"{obj.get('kind')} {meta.get('name')!r} is invalid: {exc.message}") from None
    except kubernetes_validate.SchemaNotFoundError as exc:
        raise Refused(404, "NotFound", str(exc)) from None


def _resource(key: tuple[str, str]) -> str:
    """How Kubernetes names a resource in its messages: `deployments.apps`, `services`."""
    group = key[0].partition("/")[0] if "/" in key[0] else ""
    return f"{key[1]}.{group}" if group else key[1]


def _validate_semantics(obj: dict) -> None:
    """What the server checks beyond the schema, where a test has met it: a Deployment's selector and labels."""
    if obj.get("kind") == "Deployment":
        selector = ((obj.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
        labels = (((obj["spec"].get("template") or {}).get("metadata") or {}).get("labels")) or {}
        if any(labels.get(k) != v for k, v in selector.items()):
            raise Refused(
                422,
                "Invalid",
                f'Deployment.apps "{obj["metadata"].get("name")}" is invalid: '
                f"spec.template.metadata.labels: Invalid value: {labels}: `selector` does "
                "not match template `labels`",
            )


def _patch(current: dict, body: Any, content_type: str, builtin: bool) -> dict:
    """The object after a PATCH, by its Content-Type, as the API server applies each kind of patch."""
    if content_type == "application/json-patch+json" and isinstance(body, list):
        return _json_patch(current, body)
    if content_type == "application/merge-patch+json" and isinstance(body, dict):
        return dict(_merge(current, body))
    if content_type == "application/strategic-merge-patch+json" and isinstance(body, dict):
        if not builtin:
            raise Refused(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted "
                "media types include: application/json-patch+json, "
                "application/merge-patch+json, application/apply-patch+yaml",
            )
        return dict(_strategic(current, body))
    raise Refused(
        415,
        "UnsupportedMediaType",
        f"a {content_type or 'missing content type'} patch of a {type(body).__name__} is not applied here",
    )


def _strategic(target: Any, patch: Any) -> Any:
    """A strategic merge patch, for what tests send: maps merged, lists of named items merged by name."""
    if isinstance(patch, list) and all(isinstance(i, dict) and "name" in i for i in patch) and isinstance(target, list):
        merged = [dict(i) for i in target]
        for item in patch:
            at = next((n for n, old in enumerate(merged) if old.get("name") == item["name"]), None)
            if at is None:
                merged.append(item)
            else:
                merged[at] = _strategic(merged[at], item)
        return merged
    if not isinstance(patch, dict):
        return patch
    target = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        else:
            target[k] = _strategic(target.get(k), v)
    return target


def _json_patch(target: dict, operations: list[dict]) -> dict:
    """RFC 6902's add, replace and remove (the operations tests send)."""
    for operation in operations:
        *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in operation["path"].split("/")[1:]]
        node: Any = target
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if operation["op"] in ("add", "replace"):
            node[last] = operation["value"]
        elif operation["op"] == "remove":
            del node[last]
        else:
            raise Refused(422, "Invalid", f"the JSON patch operation {operation['op']!r} is not supported here")
    return target


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
