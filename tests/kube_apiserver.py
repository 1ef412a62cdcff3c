"""A real kube-apiserver (v1.20.2 with etcd, from ../shared/tools/kube-apiserver) for the Kubernetes tests.

One server per test session (≈ 5 s to start; the build is cached per machine, ≈ 3 min once). `RealKube` offers the
test controls of `tests/fake_kube.py` (apply, get, list, delete, kubeconfig as a service account, writes, denied) so
a test reads the same against either; everything it reports comes from the server: objects from its API, writes and
refusals from its audit log, permissions from SelfSubjectAccessReviews, tokens from the TokenRequest API.
"""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from kubernetes import client, config
from kubernetes.client.exceptions import ApiException

from tests.fake_kube import Refused

TOOL = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "kube-apiserver"
#: The namespaces every test may use (they exist for the whole session; their contents are wiped after each test).
NAMESPACES = ("default", "games", "ops", "other", "team-b")
#: What a test may leave in those namespaces, wiped after each test (the server runs no garbage collector).
_WIPED = (
    "/apis/monsterbot.io/v1alpha1/{ns}/bots",
    "/apis/monsterbot.io/v1alpha1/{ns}/eventbindings",
    "/apis/apps/v1/{ns}/deployments",
    "/api/v1/{ns}/services",
    "/api/v1/{ns}/serviceaccounts",
    "/api/v1/{ns}/configmaps",
    "/api/v1/{ns}/secrets",
    "/api/v1/{ns}/events",
    "/apis/coordination.k8s.io/v1/{ns}/leases",
    "/apis/rbac.authorization.k8s.io/v1/{ns}/roles",
    "/apis/rbac.authorization.k8s.io/v1/{ns}/rolebindings",
)
_CLUSTER_SCOPED = {"namespaces", "clusterroles", "clusterrolebindings", "customresourcedefinitions"}
_WRITES = {"create", "update", "patch", "delete", "deletecollection"}


def server_bin() -> str:
    """The cached build's bin folder; a skip only where the tool cannot build here (never under CI=true)."""
    reason = None
    if not (TOOL / "build").exists():
        reason = f"{TOOL} is absent (a fresh clone without ../shared)"
    else:
        done = subprocess.run(["bash", str(TOOL / "build")], capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            reason = f"kube-apiserver cannot be built here: {done.stderr.strip().splitlines()[-1:]}"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the Kubernetes tests against the real server")
        pytest.skip(reason)
    return done.stdout.splitlines()[-1]


def _path(api: str, plural: str, namespace: str, name: str | None = None) -> str:
    prefix = "/api/v1" if api == "v1" else f"/apis/{api}"
    where = "" if plural in _CLUSTER_SCOPED or not namespace else f"/namespaces/{namespace}"
    return f"{prefix}{where}/{plural}" + (f"/{name}" if name else "")


class RealKube:
    """The session's server, with the chart's rendered CRDs applied and the test namespaces made."""

    def __init__(self, state: Path, bin_dir: str) -> None:
        self.state = state
        started = subprocess.run(
            [sys.executable, str(TOOL / "apiserver.py"), "start", str(state), "--bin-dir", bin_dir, "--audit"],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert started.returncode == 0, started.stderr[-3000:]
        info = json.loads(started.stdout.splitlines()[-1])
        self.server, self.ca, self.admin_kubeconfig = info["server"], info["ca"], info["kubeconfig"]
        self.admin = config.new_client_from_config(config_file=self.admin_kubeconfig)
        self._kinds: dict[str, dict[str, str]] = {}
        self._audit_mark = 0
        from tests.helm_tool import CREDENTIALS, render

        for crd in [o for o in render(*CREDENTIALS) if o["kind"] == "CustomResourceDefinition"]:  # the chart's
            self.apply_object(crd)
        for namespace in NAMESPACES[1:]:
            self.apply_object({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
        self.wait_for_crds()
        self.reset()

    def stop(self) -> None:
        subprocess.run(
            [sys.executable, str(TOOL / "apiserver.py"), "stop", str(self.state)],
            capture_output=True,
            timeout=60,
            check=True,
        )

    # --- requests ----------------------------------------------------------------------------------------------------
    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        api_client: client.ApiClient | None = None,
        content_type: str = "application/json",
        **query: str,
    ) -> Any:
        """One request as the admin (or `api_client`); Refused with the server's code, reason and message."""
        try:
            return (api_client or self.admin).call_api(
                path,
                method,
                query_params=list(query.items()),
                body=body,
                header_params={"Content-Type": content_type, "Accept": "application/json"},
                response_types_map={200: "object", 201: "object"},
                auth_settings=["BearerToken"],
                _return_http_data_only=True,
            )
        except ApiException as exc:
            try:
                status = json.loads(exc.body)
            except (TypeError, ValueError):
                status = {"reason": exc.reason, "message": str(exc.body)}
            raise Refused(exc.status, status.get("reason", ""), status.get("message", "")) from None

    def wait_for_crds(
        self, api: str = "monsterbot.io/v1alpha1", plurals: tuple[str, ...] = ("bots", "eventbindings")
    ) -> None:
        """Until a CRD's resources are served (they lag its creation by a moment)."""
        from tests.conftest import wait_for

        def served() -> bool:
            try:
                return all(self.list(api, plural, "default") is not None for plural in plurals)
            except Refused:
                return False

        wait_for(served, timeout=30)

    # --- the test controls of fake_kube.FakeKube ------------------------------------------------------------------
    def apply(self, path: str, obj: dict) -> dict:
        """Create, or replace at its current resourceVersion (as `kubectl replace`), at a collection path."""
        try:
            return dict(self.call("POST", path, obj))
        except Refused as refused:
            if refused.code != 409:
                raise
        current = self.call("GET", f"{path}/{obj['metadata']['name']}")
        body = dict(
            obj,
            metadata=dict(
                obj["metadata"], resourceVersion=current["metadata"]["resourceVersion"], uid=current["metadata"]["uid"]
            ),
        )  # the server's, not a test's made-up one
        return dict(self.call("PUT", f"{path}/{obj['metadata']['name']}", body))

    def apply_object(self, obj: dict, namespace: str = "default") -> dict:
        api, kind = obj["apiVersion"], obj["kind"]
        plural = self._plural(api, kind)
        applied = self.apply(_path(api, plural, obj["metadata"].get("namespace") or namespace), obj)
        if kind == "CustomResourceDefinition":
            self._kinds.clear()
        return applied

    def _plural(self, api: str, kind: str) -> str:
        if api not in self._kinds:
            found = self.call("GET", "/api/v1" if api == "v1" else f"/apis/{api}")
            self._kinds[api] = {r["kind"]: r["name"] for r in found["resources"] if "/" not in r["name"]}
        return self._kinds[api][kind]

    def get(self, api: str, plural: str, namespace: str, name: str) -> dict | None:
        try:
            return dict(self.call("GET", _path(api, plural, namespace, name)))
        except Refused as refused:
            if refused.code == 404:
                return None
            raise

    def list(self, api: str, plural: str, namespace: str = "") -> list[dict]:
        return list(self.call("GET", _path(api, plural, namespace))["items"])

    def delete(self, path: str, name: str) -> None:
        self.call("DELETE", f"{path}/{name}")

    def kubeconfig(self, path: Path, service_account: str | None = None) -> str:
        """A kubeconfig for the admin, or with a token the server issued to the service account `namespace/name`."""
        if service_account is None:
            return self.admin_kubeconfig
        namespace, name = service_account.split("/")
        issued = self.call(
            "POST",
            f"/api/v1/namespaces/{namespace}/serviceaccounts/{name}/token",
            {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": {"expirationSeconds": 3600}},
        )
        path.write_text(
            json.dumps(
                {
                    "apiVersion": "v1",
                    "kind": "Config",
                    "current-context": "sa",
                    "clusters": [
                        {"name": "real", "cluster": {"server": self.server, "certificate-authority": self.ca}}
                    ],
                    "contexts": [{"name": "sa", "context": {"cluster": "real", "user": "sa", "namespace": namespace}}],
                    "users": [{"name": "sa", "user": {"token": issued["status"]["token"]}}],
                }
            )
        )
        return str(path)

    def can_i(
        self,
        api_client: client.ApiClient,
        verb: str,
        resource: str,
        namespace: str = "",
        group: str = "",
        subresource: str = "",
        name: str = "",
    ) -> bool:
        """The server's answer (a SelfSubjectAccessReview) for whoever `api_client` authenticates as."""
        attributes = {
            k: v
            for k, v in {
                "verb": verb,
                "resource": resource,
                "namespace": namespace,
                "group": group,
                "subresource": subresource,
                "name": name,
            }.items()
            if v
        }
        review = self.call(
            "POST",
            "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            {
                "apiVersion": "authorization.k8s.io/v1",
                "kind": "SelfSubjectAccessReview",
                "spec": {"resourceAttributes": attributes},
            },
            api_client=api_client,
        )
        return bool(review["status"]["allowed"])

    # --- the audit log: writes and refusals since the last reset ---------------------------------------------------
    def _audit(self) -> builtins.list[dict]:  # (in this class, `list` is the method above)
        with open(self.state / "audit.log", encoding="utf-8") as log:
            log.seek(self._audit_mark)
            events = [json.loads(line) for line in log if line.strip()]
        return [
            e
            for e in events
            if e.get("stage") == "ResponseComplete" and not e["user"]["username"].startswith("system:apiserver")
        ]

    def writes(self, user: str | None = None) -> builtins.list[tuple[str, str]]:
        """(verb, URI) of each write since the last reset, in order; of one user only when given (e.g.
        `system:serviceaccount:default:bot-monsterbot-operator`)."""
        return [
            (e["verb"], e["requestURI"])
            for e in self._audit()
            if e["verb"] in _WRITES and user in (None, e["user"]["username"])
        ]

    @property
    def denied(self) -> builtins.list[str]:
        """Each 403 as `User "…" cannot VERB resource "…"` (the audit log keeps no message)."""
        found = []
        for e in self._audit():
            if (e.get("responseStatus") or {}).get("code") == 403:
                ref = e.get("objectRef") or {}
                resource = ref.get("resource", "") + (f"/{ref['subresource']}" if ref.get("subresource") else "")
                found.append(
                    f'User "{e["user"]["username"]}" cannot {e["verb"]} resource "{resource}" in API group '
                    f'"{ref.get("apiGroup", "")}" in the namespace "{ref.get("namespace", "")}"'
                )
        return found

    def reset(self) -> None:
        """Wipe what tests made in the test namespaces (those the audit log shows written since the last reset), and
        start the audit afresh."""
        written = [e.get("objectRef") or {} for e in self._audit() if e["verb"] in _WRITES]
        for namespace in sorted(set(NAMESPACES) & {ref.get("namespace") for ref in written}):
            for collection in _WIPED:
                self._wipe(collection.format(ns=f"namespaces/{namespace}"))
        for plural in {ref.get("resource") for ref in written} & {"clusterroles", "clusterrolebindings"}:
            for item in self.call("GET", f"/apis/rbac.authorization.k8s.io/v1/{plural}")["items"]:
                if item["metadata"]["name"].startswith("bot-"):  # the chart's (release "bot")
                    self.call("DELETE", f"/apis/rbac.authorization.k8s.io/v1/{plural}/{item['metadata']['name']}")
        self._audit_mark = (self.state / "audit.log").stat().st_size

    def _wipe(self, path: str) -> None:
        try:
            self.call("DELETE", path)
        except Refused as refused:
            if refused.code == 405:  # no deletecollection for Services in v1.20: one by one
                for item in self.call("GET", path)["items"]:
                    self.call("DELETE", f"{path}/{item['metadata']['name']}")
            elif refused.code != 404:
                raise
