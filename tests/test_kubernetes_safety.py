"""The operator against takeover attempts, leader election on local time, the chart's RBAC, CRD upgrades, one pod
spec — all through the real `kubernetes` client against the real kube-apiserver: its 409s, pruning and RBAC."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

kubernetes = pytest.importorskip("kubernetes")

from kubernetes import client  # noqa: E402
from kubernetes.client.exceptions import ApiException  # noqa: E402

from monsterbot.core.model import KnowledgeSet  # noqa: E402
from monsterbot.kubernetes.crds import all_crds  # noqa: E402
from monsterbot.operator.config import watched_namespaces  # noqa: E402
from monsterbot.operator.leader import LeaseElector  # noqa: E402
from monsterbot.operator.operator import LeadershipLost, Operator  # noqa: E402
from monsterbot.operator.reconcile import PodPolicy, desired_resources  # noqa: E402
from tests.fake_kube import Refused  # noqa: E402
from tests.helm_tool import operator_config  # noqa: E402
from tests.kube_apiserver import RealKube  # noqa: E402
from tests.test_kubernetes_operator import (  # noqa: E402
    BOTS,
    _status,
    api_client_as,
    bot,
    chart,
    install_chart_rbac,
    operator_for,
    policy,
)

client_as = api_client_as


@pytest.fixture()
def operator_client(kube: RealKube, tmp_path: Path) -> Any:
    install_chart_rbac(kube, chart())
    return client_as(kube, tmp_path, "default/bot-monsterbot-operator")


def _ready(kube, name="monsterbot", namespace="default") -> dict:
    return _status(kube, "bots", name, namespace)["conditions"][0]


# --- takeover attempts ---------------------------------------------------------------------------------------------
def test_a_bot_cannot_choose_an_image(kube, operator_client):
    kube.apply(BOTS, bot(image="evil.example/miner:latest"))
    operator_for(operator_client).reconcile_all()
    assert not kube.list("apps/v1", "deployments", "default")
    assert _ready(kube)["status"] == "False" and _ready(kube)["reason"] == "ImageNotAllowed"


def test_a_bot_cannot_choose_a_service_account(kube, operator_client):
    kube.apply(BOTS, bot(serviceAccountName="bot-monsterbot-operator"))
    operator_for(operator_client).reconcile_all()
    assert not kube.list("apps/v1", "deployments", "default")
    assert _ready(kube)["reason"] == "ServiceAccountNotAllowed"


def test_allowlisted_image_and_service_account_are_taken(kube, tmp_path):
    values = (
        "--set",
        "operator.allowedImages[0]=registry.example/monsterbot:canary",
        "--set",
        "operator.allowedServiceAccounts[0]=bot-reader",
    )
    install_chart_rbac(kube, chart(*values))
    api = client_as(kube, tmp_path, "default/bot-monsterbot-operator")
    kube.apply(BOTS, bot(image="registry.example/monsterbot:canary", serviceAccountName="bot-reader"))
    operator_for(api, *values).reconcile_all()
    pod = kube.get("apps/v1", "deployments", "default", "monsterbot")["spec"]["template"]["spec"]
    assert pod["containers"][0]["image"] == "registry.example/monsterbot:canary"
    assert pod["serviceAccountName"] == "bot-reader"


def test_an_unowned_deployment_is_never_overwritten(kube, operator_client):
    theirs = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "payments", "namespace": "default"},
        "spec": {
            "selector": {"matchLabels": {"app": "payments"}},
            "template": {
                "metadata": {"labels": {"app": "payments"}},
                "spec": {"containers": [{"name": "pay", "image": "payments:1"}]},
            },
        },
    }
    kube.apply_object(theirs)
    before = copy.deepcopy(kube.get("apps/v1", "deployments", "default", "payments"))
    kube.apply(BOTS, bot(name="payments"))
    operator_for(operator_client).reconcile_all()
    assert kube.get("apps/v1", "deployments", "default", "payments") == before
    assert _ready(kube, "payments")["reason"] == "NotOwned"
    assert "not controlled by this Bot" in _ready(kube, "payments")["message"]


def test_the_operator_may_not_reach_namespaces_it_does_not_watch(kube, operator_client):
    custom = client.CustomObjectsApi(operator_client)
    with pytest.raises(ApiException) as refused:
        custom.list_namespaced_custom_object("monsterbot.io", "v1alpha1", "kube-system", "bots")
    assert refused.value.status == 403
    with pytest.raises(ApiException) as refused:
        custom.list_cluster_custom_object("monsterbot.io", "v1alpha1", "bots")
    assert refused.value.status == 403
    with pytest.raises(ApiException) as refused:
        client.CoreV1Api(operator_client).read_namespaced_secret("line", "default")
    assert refused.value.status == 403
    assert 'cannot get resource "secrets"' in kube.denied[-1]


# --- namespaces and the Lease --------------------------------------------------------------------------------------
def test_the_operator_leads_and_reconciles_when_it_watches_another_namespace(kube, tmp_path):
    values = ("--set", "operator.watchNamespaces[0]=games")
    objects = chart(*values, namespace="ops")
    install_chart_rbac(kube, objects)
    config = operator_config(objects)
    assert watched_namespaces(config, "ops") == ("games",)
    api = client_as(kube, tmp_path, "ops/bot-monsterbot-operator")
    elector = LeaseElector(client.CoordinationV1Api(api), "monsterbot-operator", "ops", "operator-0")
    assert elector.acquire_or_renew() and elector.acquire_or_renew()  # create, then renew: its own namespace
    kube.apply("/apis/monsterbot.io/v1alpha1/namespaces/games/bots", bot(namespace="games"))
    Operator(api, ("games",), KnowledgeSet(), PodPolicy.from_chart(config, "ops"), elector.leading).reconcile_all()
    assert kube.denied == []
    pod = kube.get("apps/v1", "deployments", "games", "monsterbot")["spec"]["template"]["spec"]
    assert _ready(kube, namespace="games")["reason"] == "WorkloadPending"  # until its controller reports
    # its pods run as the chart's webhook account, which the chart made in games too, able to watch games only
    assert kube.get("v1", "serviceaccounts", "games", pod["serviceAccountName"])
    env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
    webhook = client.CustomObjectsApi(client_as(kube, tmp_path, f"games/{pod['serviceAccountName']}"))
    webhook.list_namespaced_custom_object("monsterbot.io", "v1alpha1", env["MONSTERBOT_NAMESPACE"], "eventbindings")
    with pytest.raises(ApiException):
        webhook.list_namespaced_custom_object("monsterbot.io", "v1alpha1", "ops", "eventbindings")


def test_cluster_wide_is_an_explicit_choice(kube, tmp_path):
    objects = chart("--set", "operator.clusterWide=true")
    assert [o["kind"] for o in objects if o["kind"].startswith("Cluster")] == ["ClusterRole", "ClusterRoleBinding"]
    assert watched_namespaces(operator_config(objects), "default") == ()
    assert not [o for o in chart() if o["kind"].startswith("Cluster")]  # namespaced by default


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_lease_expiry_is_judged_on_local_time_not_the_holders_clock(kube, kube_client):
    leases = client.CoordinationV1Api(kube_client)
    clock_a, clock_b = Clock(), Clock()
    first = LeaseElector(leases, "monsterbot-operator", "default", "pod-a", duration=15, clock=clock_a)
    second = LeaseElector(leases, "monsterbot-operator", "default", "pod-b", duration=15, clock=clock_b)
    assert first.acquire_or_renew()
    lease = leases.read_namespaced_lease("monsterbot-operator", "default")
    lease.spec.renew_time = datetime.now(timezone.utc) - timedelta(hours=1)  # pod-a's node clock is an hour behind
    leases.replace_namespaced_lease("monsterbot-operator", "default", lease)
    assert not second.acquire_or_renew()  # a renewTime "an hour old" is not an expiry: pod-b has seen no gap yet
    clock_b.now += 14
    assert not second.acquire_or_renew()
    clock_b.now += 2  # unchanged for more than 15 s of pod-b's own time
    assert second.acquire_or_renew()
    assert not first.acquire_or_renew() and not first.leading()
    second.release()
    assert first.acquire_or_renew()  # a released lease is free at once


def test_a_stale_lease_write_is_a_conflict(kube, kube_client):
    leases = client.CoordinationV1Api(kube_client)
    elector = LeaseElector(leases, "monsterbot-operator", "default", "pod-a")
    assert elector.acquire_or_renew()
    stale = leases.read_namespaced_lease("monsterbot-operator", "default")
    assert elector.acquire_or_renew()  # the Lease moves on
    stale.spec.holder_identity = "pod-z"
    with pytest.raises(ApiException) as conflict:
        leases.replace_namespaced_lease("monsterbot-operator", "default", stale)
    assert conflict.value.status == 409


def test_a_pass_that_outlives_the_lease_stops_writing(kube, operator_client):
    leases = client.CoordinationV1Api(operator_client)
    clock = Clock()
    elector = LeaseElector(leases, "monsterbot-operator", "default", "pod-a", duration=15, clock=clock)
    assert elector.acquire_or_renew()
    for name in ("one", "two"):
        kube.apply(BOTS, bot(name=name))
    operator = Operator(operator_client, ("default",), KnowledgeSet(), policy(), elector.leading)
    deployments = client.AppsV1Api(operator_client)
    real_create = deployments.create_namespaced_deployment

    def slow_create(namespace: str, body: Any) -> Any:
        done = real_create(namespace, body)
        clock.now += 11  # this write took longer than the renew deadline (10 s of a 15 s lease)
        return done

    operator.apps.create_namespaced_deployment = slow_create
    with pytest.raises(LeadershipLost):
        operator.reconcile_all()
    made = {d["metadata"]["name"] for d in kube.list("apps/v1", "deployments", "default")}
    assert made == {"one"}  # the second Bot's objects were not written by a maybe-former leader


# --- the API server as strict as a real one ------------------------------------------------------------------------
def test_unknown_fields_are_pruned_and_a_crd_upgrade_reaches_the_objects(kube):
    """The real server takes a CRD's new schema a moment after it is applied: each step waits for it."""
    from tests.conftest import wait_for

    def kept(name: str) -> dict:
        kube.apply(BOTS, bot(name=name, serviceAccountName="reader", color="blue"))
        return kube.get("monsterbot.io/v1alpha1", "bots", "default", name)["spec"]

    bots_crd = copy.deepcopy(all_crds()["bots.yaml"])
    old = copy.deepcopy(bots_crd)
    del old["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"][
        "serviceAccountName"
    ]
    try:
        kube.apply_object(old)  # the release before: no serviceAccountName in the schema
        wait_for(lambda: "serviceAccountName" not in kept("before"))
        [rendered] = [
            o
            for o in chart()
            if o["kind"] == "CustomResourceDefinition" and o["metadata"]["name"] == "bots.monsterbot.io"
        ]
        assert rendered["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    finally:
        kube.apply_object(bots_crd)  # what `helm upgrade` applies now that the CRDs are templates
    wait_for(lambda: kept("after").get("serviceAccountName") == "reader")
    assert "color" not in kept("after")
    assert rendered["spec"] == bots_crd["spec"]  # the chart renders the generated CRD


def test_stale_resource_version_and_invalid_objects_are_refused(kube, kube_client):
    custom = client.CustomObjectsApi(kube_client)
    created = custom.create_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", bot())
    custom.patch_namespaced_custom_object(
        "monsterbot.io", "v1alpha1", "default", "bots", "monsterbot", {"spec": {"replicas": 3}}
    )
    created["spec"]["replicas"] = 5
    with pytest.raises(ApiException) as conflict:
        custom.replace_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", "monsterbot", created)
    assert conflict.value.status == 409
    with pytest.raises(ApiException) as invalid:
        custom.patch_namespaced_custom_object(
            "monsterbot.io", "v1alpha1", "default", "bots", "monsterbot", {"spec": {"replicas": -1}}
        )
    assert invalid.value.status == 422
    with pytest.raises(ApiException) as unknown:
        custom.list_namespaced_custom_object("serving.knative.dev", "v1", "default", "services")
    assert unknown.value.status == 404  # Knative not installed
    with pytest.raises(Refused) as builtin:
        kube.apply_object(
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": "x"},
                "spec": {"template": {"spec": {"containers": []}}, "serviceAccountName": "x"},
            }
        )
    assert builtin.value.code == 422


# --- one pod spec -------------------------------------------------------------------------------------------------
PER_RELEASE = (
    "helm.sh/chart",
    "app.kubernetes.io/managed-by",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
)


def _without_release_labels(pod: dict) -> dict:
    pod = copy.deepcopy(pod)
    pod["metadata"]["labels"] = {k: v for k, v in pod["metadata"]["labels"].items() if k not in PER_RELEASE}
    return pod


@pytest.mark.parametrize("knative", [False, True])
def test_the_chart_and_the_operator_make_the_same_webhook_pod(knative):
    values = (("--set", "knative.enabled=true") if knative else ()) + ("--set", "knowledge.bot=bot-monsterbot")
    objects = chart(*values)
    kind = ("serving.knative.dev/v1", "Service") if knative else ("apps/v1", "Deployment")
    [workload] = [
        o for o in objects if (o["apiVersion"], o["kind"]) == kind and o["metadata"]["name"] == "bot-monsterbot"
    ]
    chart_pod = workload["spec"]["template"]
    # a Bot that asks for what the release has: its Secret, its namespace, the chart's defaults
    twin = bot(
        name="bot-monsterbot",
        channelSecretRef={"name": "bot-monsterbot-line", "key": "channel-secret"},
        channelAccessTokenRef={"name": "bot-monsterbot-line", "key": "channel-access-token"},
        knative={"enabled": True, "maxScale": 1} if knative else {"enabled": False},
    )
    operator_pod = desired_resources(twin, [], policy(*values))[0]["spec"]["template"]
    assert _without_release_labels(operator_pod) == _without_release_labels(chart_pod)
    assert operator_pod["metadata"]["labels"]["app.kubernetes.io/managed-by"] == "monsterbot-operator"


def test_the_operator_reads_its_config_from_the_mounted_file_or_the_helm_output(tmp_path):
    from monsterbot.operator.config import load_config
    from tests.helm_tool import CHART, CREDENTIALS, run_helm

    done = run_helm("template", "bot", str(CHART), "-n", "default", *CREDENTIALS, "-s", "templates/operator.yaml")
    assert done.returncode == 0, done.stderr
    (tmp_path / "operator.yaml").write_text(done.stdout)
    mounted = operator_config(chart())
    assert load_config(tmp_path / "operator.yaml") == mounted
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(mounted))
    assert load_config(tmp_path / "config.yaml") == mounted
    (tmp_path / "other.yaml").write_text("kind: ConfigMap\ndata: {}\n")
    with pytest.raises(ValueError, match="no operator configuration"):
        load_config(tmp_path / "other.yaml")


def test_the_webhook_account_only_reads_event_bindings(kube, tmp_path):
    install_chart_rbac(kube, chart())
    custom = client.CustomObjectsApi(client_as(kube, tmp_path, "default/bot-monsterbot-webhook"))
    assert custom.list_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "eventbindings")["items"] == []
    for attempt in (
        lambda: custom.list_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots"),
        lambda: custom.list_cluster_custom_object("monsterbot.io", "v1alpha1", "eventbindings"),
        lambda: custom.create_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "eventbindings", {}),
    ):
        with pytest.raises(ApiException) as refused:
            attempt()
        assert refused.value.status == 403


def test_the_operator_process_leads_reconciles_and_stops_on_sigterm(kube, tmp_path):
    """`monsterbot operator` as the chart runs it: its settings from the environment, the chart's config and RBAC,
    its /metrics (here on loopback)."""
    import os
    import signal
    import socket
    import subprocess
    import sys

    from tests.conftest import wait_for

    objects = chart("--set", "operator.watchNamespaces[0]=games", namespace="ops")
    install_chart_rbac(kube, objects)
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(operator_config(objects)))
    kube.apply("/apis/monsterbot.io/v1alpha1/namespaces/games/bots", bot(namespace="games"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KUBERNETES_", "MONSTERBOT_", "POD_"))}
    env |= {
        "KUBECONFIG": kube.kubeconfig(tmp_path / "kubeconfig", "ops/bot-monsterbot-operator"),
        "POD_NAMESPACE": "ops",
        "POD_NAME": "operator-0",
        "MONSTERBOT_LOG_FORMAT": "text",
    }
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monsterbot.cli",
            "operator",
            "--config",
            str(tmp_path / "config.yaml"),
            "--interval",
            "0.2",
            "--metrics-port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: kube.get("apps/v1", "deployments", "games", "monsterbot") is not None, timeout=60)
        lease = kube.get("coordination.k8s.io/v1", "leases", "ops", "monsterbot-operator")
        assert lease and lease["spec"]["holderIdentity"] == "operator-0"
        wait_for(lambda: _metric(port, "monsterbot_operator_passes_total") >= 2, timeout=30)
        assert _metric(port, "monsterbot_operator_pass_duration_seconds_count") >= 2
        assert _metric(port, "monsterbot_operator_leading") == 1
        assert _metric(port, 'monsterbot_operator_writes_total{kind="Deployment",verb="created"}') == 1
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "operator stopped" in output and kube.denied == []
    assert not kube.get("coordination.k8s.io/v1", "leases", "ops", "monsterbot-operator")["spec"].get("holderIdentity")


def _metric(port: int, sample: str) -> float:
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        for line in answer.read().decode().splitlines():
            if line.startswith(sample + " "):
                return float(line.split()[-1])
    return 0.0


# --- least privilege, answered by the server -----------------------------------------------------------------------
#: (verb, resource, subresource, API group, namespace, name, allowed): the README's RBAC paragraph and "cannot read
#: Secrets anywhere", "namespaced by default", for the chart's default values (release namespace "default").
OPERATOR_MAY = [
    ("list", "bots", "", "monsterbot.io", "default", "", True),
    ("watch", "eventbindings", "", "monsterbot.io", "default", "", True),
    ("patch", "bots", "status", "monsterbot.io", "default", "", True),
    ("update", "eventbindings", "status", "monsterbot.io", "default", "", True),
    ("create", "deployments", "", "apps", "default", "", True),
    ("update", "services", "", "", "default", "", True),
    ("create", "services", "", "serving.knative.dev", "default", "", True),
    ("create", "leases", "", "coordination.k8s.io", "default", "", True),
    ("update", "leases", "", "coordination.k8s.io", "default", "monsterbot-operator", True),
    ("create", "events", "", "", "default", "", True),
    ("patch", "events", "", "", "default", "", False),  # it records each Event once, never edits one
    ("get", "secrets", "", "", "default", "", False),
    ("list", "secrets", "", "", "", "", False),
    ("list", "bots", "", "monsterbot.io", "", "", False),  # not cluster-wide
    ("list", "bots", "", "monsterbot.io", "kube-system", "", False),
    ("update", "bots", "", "monsterbot.io", "default", "", False),  # a Bot's spec is its owner's
    ("delete", "deployments", "", "apps", "default", "", False),
    ("patch", "deployments", "", "apps", "default", "", False),
    ("update", "deployments", "status", "apps", "default", "", False),
    ("create", "pods", "", "", "default", "", False),
    ("create", "rolebindings", "", "rbac.authorization.k8s.io", "default", "", False),
    ("update", "leases", "", "coordination.k8s.io", "default", "another-lease", False),
]
WEBHOOK_MAY = [
    ("get", "eventbindings", "", "monsterbot.io", "default", "", True),
    ("list", "eventbindings", "", "monsterbot.io", "default", "", True),
    ("watch", "eventbindings", "", "monsterbot.io", "default", "", True),
    ("list", "eventbindings", "", "monsterbot.io", "", "", False),
    ("create", "eventbindings", "", "monsterbot.io", "default", "", False),
    ("update", "eventbindings", "", "monsterbot.io", "default", "", False),  # a binding is its owner's to edit
    ("patch", "eventbindings", "", "monsterbot.io", "default", "", False),
    ("delete", "eventbindings", "", "monsterbot.io", "default", "", False),
    ("deletecollection", "eventbindings", "", "monsterbot.io", "default", "", False),
    ("patch", "eventbindings", "status", "monsterbot.io", "default", "", False),
    ("list", "bots", "", "monsterbot.io", "default", "", False),
    ("get", "secrets", "", "", "default", "", False),
    ("create", "events", "", "", "default", "", False),
]


@pytest.mark.parametrize(
    ("account", "table"), [("bot-monsterbot-operator", OPERATOR_MAY), ("bot-monsterbot-webhook", WEBHOOK_MAY)]
)
def test_each_account_may_do_what_the_readme_says_and_no_more(kube, tmp_path, account, table):
    install_chart_rbac(kube, chart())
    api = client_as(kube, tmp_path, f"default/{account}")
    answers = [
        (
            verb,
            f"{resource}/{sub}" if sub else resource,
            group,
            namespace,
            name,
            kube.can_i(api, verb, resource, namespace, group, sub, name),
        )
        for verb, resource, sub, group, namespace, name, _ in table
    ]
    expected = [
        (verb, f"{resource}/{sub}" if sub else resource, group, namespace, name, allowed)
        for verb, resource, sub, group, namespace, name, allowed in table
    ]
    assert answers == expected


@pytest.mark.parametrize(
    ("values", "account", "table"),
    [
        # operator.watchNamespaces: a Role in each watched namespace, the Lease in its own, nothing else anywhere
        (
            ("--set", "operator.watchNamespaces[0]=games"),
            "ops/bot-monsterbot-operator",
            [
                ("list", "bots", "", "monsterbot.io", "games", "", True),
                ("create", "deployments", "", "apps", "games", "", True),
                ("create", "events", "", "", "games", "", True),
                ("list", "bots", "", "monsterbot.io", "ops", "", False),
                ("create", "deployments", "", "apps", "ops", "", False),
                ("create", "leases", "", "coordination.k8s.io", "ops", "", True),
                ("create", "leases", "", "coordination.k8s.io", "games", "", False),
                ("get", "secrets", "", "", "games", "", False),
            ],
        ),
        # the webhook account the chart makes in each watched namespace reads that namespace's bindings only
        (
            ("--set", "operator.watchNamespaces[0]=games"),
            "games/bot-monsterbot-webhook",
            [
                ("watch", "eventbindings", "", "monsterbot.io", "games", "", True),
                ("watch", "eventbindings", "", "monsterbot.io", "ops", "", False),
                ("list", "bots", "", "monsterbot.io", "games", "", False),
            ],
        ),
        # clusterWide: Bots everywhere through a ClusterRole, and still no Secret anywhere
        (
            ("--set", "operator.clusterWide=true"),
            "ops/bot-monsterbot-operator",
            [
                ("list", "bots", "", "monsterbot.io", "", "", True),
                ("create", "deployments", "", "apps", "team-b", "", True),
                ("get", "secrets", "", "", "team-b", "", False),
                ("list", "secrets", "", "", "", "", False),
                ("delete", "deployments", "", "apps", "team-b", "", False),
            ],
        ),
    ],
)
def test_the_accounts_of_other_modes_are_as_narrow(kube, tmp_path, values, account, table):
    install_chart_rbac(kube, chart(*values, namespace="ops"))
    api = client_as(kube, tmp_path, account)
    answers = [
        kube.can_i(api, verb, resource, namespace, group, sub, name)
        for verb, resource, sub, group, namespace, name, _ in table
    ]
    assert answers == [allowed for *_, allowed in table], list(zip(table, answers, strict=True))
