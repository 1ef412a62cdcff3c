"""The stand-in (tests/fake_kube.py) refuses what the real kube-apiserver refuses: each case runs against both.

Found by running the same client calls against the two; each difference found is a case here, so the stand-in the
fault tests still use cannot drift kinder than the server again.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

kubernetes = pytest.importorskip("kubernetes")

from kubernetes import client  # noqa: E402
from kubernetes.client.exceptions import ApiException  # noqa: E402

from tests.test_kubernetes_operator import bot  # noqa: E402

DEPLOYMENT: dict[str, Any] = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {
        "selector": {"matchLabels": {"app": "web"}},
        "template": {
            "metadata": {"labels": {"app": "web"}},
            "spec": {
                "containers": [
                    {
                        "name": "web",
                        "image": "web:1",
                        "env": [{"name": "A", "value": "1"}],
                        "ports": [{"name": "http", "containerPort": 8080}],
                    },
                    {"name": "side", "image": "side:1"},
                ]
            },
        },
    },
}
SERVICE: dict[str, Any] = {
    "apiVersion": "v1",
    "kind": "Service",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {"selector": {"app": "web"}, "ports": [{"name": "http", "port": 80, "targetPort": 8080}]},
}


@pytest.fixture(params=["real", "fake"])
def server(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """(the server, an admin ApiClient): the same calls against the real server and the stand-in."""
    return request.getfixturevalue("kube" if request.param == "real" else "fake_kube"), request.getfixturevalue(
        "kube_client" if request.param == "real" else "fake_client"
    )


def _refused(call: Any) -> ApiException:
    with pytest.raises(ApiException) as refused:
        call()
    return refused.value


def _message(refused: ApiException) -> str:
    return str(json.loads(refused.body)["message"])


def _raw(api: client.ApiClient, path: str) -> Any:
    return api.call_api(
        path, "GET", response_types_map={200: "object"}, auth_settings=["BearerToken"], _return_http_data_only=True
    )


def test_a_deployment_whose_selector_misses_its_labels_is_invalid(server):
    _, api = server
    wrong = copy.deepcopy(DEPLOYMENT)
    wrong["spec"]["selector"]["matchLabels"] = {"app": "other"}
    refused = _refused(lambda: client.AppsV1Api(api).create_namespaced_deployment("default", wrong))
    assert refused.status == 422 and "`selector` does not match template `labels`" in _message(refused)


def test_dry_run_stores_nothing(server):
    _, api = server
    apps = client.AppsV1Api(api)
    answered = apps.create_namespaced_deployment("default", DEPLOYMENT, dry_run="All")
    assert answered.metadata.name == "web"
    assert _refused(lambda: apps.read_namespaced_deployment("web", "default")).status == 404


def test_a_strategic_merge_patch_merges_containers_by_name(server):
    _, api = server
    apps = client.AppsV1Api(api)
    apps.create_namespaced_deployment("default", DEPLOYMENT)
    apps.patch_namespaced_deployment(
        "web", "default", {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "web:2"}]}}}}
    )
    containers = apps.read_namespaced_deployment("web", "default").spec.template.spec.containers
    assert [(c.name, c.image) for c in containers] == [("web", "web:2"), ("side", "side:1")]
    assert containers[0].env[0].name == "A" and containers[0].ports[0].container_port == 8080


def test_a_json_patch_is_applied(server):
    _, api = server
    apps = client.AppsV1Api(api)
    apps.create_namespaced_deployment("default", DEPLOYMENT)
    apps.patch_namespaced_deployment("web", "default", [{"op": "replace", "path": "/spec/replicas", "value": 3}])
    assert apps.read_namespaced_deployment("web", "default").spec.replicas == 3


def test_a_strategic_merge_patch_of_a_custom_resource_is_unsupported(server):
    kube, api = server
    custom = client.CustomObjectsApi(api)
    custom.create_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", bot())
    refused = _refused(
        lambda: api.call_api(
            "/apis/monsterbot.io/v1alpha1/namespaces/default/bots/monsterbot",
            "PATCH",
            body={"spec": {"replicas": 2}},
            header_params={"Content-Type": "application/strategic-merge-patch+json"},
            auth_settings=["BearerToken"],
        )
    )
    assert refused.status == 415


def test_labels_sent_to_status_are_ignored(server):
    _, api = server
    custom = client.CustomObjectsApi(api)
    custom.create_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", bot())
    custom.patch_namespaced_custom_object_status(
        "monsterbot.io",
        "v1alpha1",
        "default",
        "bots",
        "monsterbot",
        {"metadata": {"labels": {"sneaky": "yes"}}, "spec": {"replicas": 7}, "status": {"eventBindings": 2}},
    )
    stored = custom.get_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", "monsterbot")
    assert stored["status"] == {"eventBindings": 2}
    assert "sneaky" not in (stored["metadata"].get("labels") or {}) and "replicas" not in stored["spec"]


def test_a_namespace_must_exist(server):
    _, api = server
    refused = _refused(lambda: client.CoreV1Api(api).create_namespaced_service("nowhere", SERVICE))
    assert refused.status == 404 and 'namespaces "nowhere" not found' in _message(refused)
    refused = _refused(
        lambda: client.CustomObjectsApi(api).create_namespaced_custom_object(
            "monsterbot.io", "v1alpha1", "nowhere", "bots", bot(namespace="nowhere")
        )
    )
    assert refused.status == 404


def test_a_service_gets_a_cluster_ip_and_keeps_it(server):
    _, api = server
    core = client.CoreV1Api(api)
    created = core.create_namespaced_service("default", SERVICE)
    assert created.spec.cluster_ip.startswith("10.96.")
    body = copy.deepcopy(SERVICE)
    body["metadata"]["resourceVersion"] = created.metadata.resource_version
    refused = _refused(lambda: core.replace_namespaced_service("web", "default", body))
    assert refused.status == 422 and "spec.clusterIP" in _message(refused)
    body["spec"]["clusterIP"] = created.spec.cluster_ip
    assert core.replace_namespaced_service("web", "default", body).spec.cluster_ip == created.spec.cluster_ip


def test_lists_are_typed_and_not_found_is_worded_as_kubernetes_words_it(server):
    _, api = server
    apps = client.AppsV1Api(api)
    apps.create_namespaced_deployment("default", DEPLOYMENT)
    listed = _raw(api, "/apis/apps/v1/namespaces/default/deployments")
    assert listed["kind"] == "DeploymentList" and listed["apiVersion"] == "apps/v1"
    assert "kind" not in listed["items"][0]  # a typed list's items carry no kind
    client.CustomObjectsApi(api).create_namespaced_custom_object("monsterbot.io", "v1alpha1", "default", "bots", bot())
    bots = _raw(api, "/apis/monsterbot.io/v1alpha1/namespaces/default/bots")
    assert bots["kind"] == "BotList" and bots["items"][0]["kind"] == "Bot"
    refused = _refused(lambda: apps.read_namespaced_deployment("nothing", "default"))
    assert 'deployments.apps "nothing" not found' in _message(refused)
    refused = _refused(lambda: client.CoreV1Api(api).read_namespaced_service("nothing", "default"))
    assert 'services "nothing" not found' in _message(refused)


def test_a_body_of_another_kind_is_refused(server):
    _, api = server
    wrong = dict(SERVICE, kind="ConfigMap")
    assert _refused(lambda: client.CoreV1Api(api).create_namespaced_service("default", wrong)).status == 400
