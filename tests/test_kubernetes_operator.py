"""CRDs, the operator's reconcile (pure, and against the real kube-apiserver as the chart's operator account)."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import pytest
import urllib3
import yaml

kubernetes = pytest.importorskip("kubernetes")
kubernetes_validate = pytest.importorskip("kubernetes_validate")

from kubernetes.client.exceptions import ApiException  # noqa: E402
from openapi_schema_validator import OAS30Validator  # noqa: E402

from monsterbot.kubernetes.crds import all_crds  # noqa: E402
from monsterbot.kubernetes.manifests import dump  # noqa: E402
from monsterbot.operator.operator import Operator  # noqa: E402
from monsterbot.operator.reconcile import KNOWLEDGE_CHECKSUM, PodPolicy, Refusal, desired_resources  # noqa: E402
from monsterbot.sources.yaml_files import YamlSource  # noqa: E402
from tests.conftest import KNOWLEDGE, REPO  # noqa: E402
from tests.helm_tool import CREDENTIALS, operator_config, render  # noqa: E402
from tests.test_kubernetes_watch import LOREM, binding  # noqa: E402

K8S_VERSION = "1.33"
CRDS = REPO / "charts" / "monsterbot" / "files" / "crds"
BOTS = "/apis/monsterbot.io/v1alpha1/namespaces/default/bots"
BINDINGS = "/apis/monsterbot.io/v1alpha1/namespaces/default/eventbindings"


def crd_errors(kind: str, obj: dict) -> list[str]:
    crd = all_crds()["eventbindings.yaml" if kind == "EventBinding" else "bots.yaml"]
    schema = crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in OAS30Validator(schema).iter_errors(obj)]


def test_committed_crds_are_the_generated_ones():
    for name, crd in all_crds().items():
        assert (CRDS / name).read_text() == dump(crd), f"run `monsterbot export crds` ({name})"


@pytest.mark.parametrize("name", ["eventbindings.yaml", "bots.yaml"])
def test_crds_validate_against_kubernetes_schemas(name):
    kubernetes_validate.validate(yaml.safe_load((CRDS / name).read_text()), K8S_VERSION, strict=True)


def test_crd_schemas_are_structural():
    def walk(node, path="$"):
        if isinstance(node, dict):
            if "properties" in node or "items" in node:
                assert "type" in node, path
            assert "$ref" not in node and "uniqueItems" not in node, path
            assert node.get("additionalProperties") is not False, path
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    for crd in all_crds().values():
        walk(crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"])


def test_examples_validate_against_their_crds():
    assert crd_errors("EventBinding", yaml.safe_load((REPO / "examples" / "eventbinding.yaml").read_text())) == []
    example = yaml.safe_load((REPO / "examples" / "bot.yaml").read_text())
    assert crd_errors("Bot", example) == []
    assert desired_resources(example, [], policy(*SHARED_REDIS, namespace="monsterbot"))  # the chart's default caps


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda m: m["games"]["world"]["elements"].update(fire=4), "4 is greater than the maximum of 3"),
        (lambda m: m["names"].pop("en"), "'en' is a required property"),
        (lambda m: m["games"]["world"].update(weak_elements=["lava"]), "'lava' is not one of"),
        (lambda m: m.update(id="Not A Slug"), "does not match"),
        (lambda m: m["names"].update(en="x" * 65), "is too long"),
        (lambda m: m.pop("games"), "'games' is a required property"),
    ],
)
def test_bad_event_bindings_are_rejected_by_the_crd_schema(change, fragment):
    obj = yaml.safe_load((REPO / "examples" / "eventbinding.yaml").read_text())
    change(obj["spec"]["monsters"][0])
    assert any(fragment in e for e in crd_errors("EventBinding", obj)), crd_errors("EventBinding", obj)


def test_exported_event_bindings_validate(tmp_path):
    from tests.test_cli import run

    done = run(
        "export",
        "eventbindings",
        str(KNOWLEDGE / "monsters" / "rathalos.yaml"),
        str(KNOWLEDGE / "monsters" / "magnamalo.yaml"),
    )
    documents = list(yaml.safe_load_all(done.stdout))
    assert [d["metadata"]["name"] for d in documents] == ["rathalos", "magnamalo"]  # in the order given
    for document in documents:
        assert crd_errors("EventBinding", document) == []
    assert documents[0]["spec"]["monsters"][0]["aliases"]["zh-TW"] == ["雄火龍"]


def bot(name="monsterbot", namespace="default", **spec) -> dict:
    base = {
        "channelSecretRef": {"name": "line", "key": "channel-secret"},
        "channelAccessTokenRef": {"name": "line", "key": "channel-access-token"},
    }
    return {
        "apiVersion": "monsterbot.io/v1alpha1",
        "kind": "Bot",
        "metadata": {"name": name, "namespace": namespace, "uid": f"uid-{name}", "generation": 1},
        "spec": {**base, **spec},
    }


@lru_cache(maxsize=8)
def _chart(*values: str, namespace: str = "default") -> tuple[dict, ...]:
    return tuple(render(*CREDENTIALS, *values, namespace=namespace))


def chart(*values: str, namespace: str = "default") -> list[dict]:
    """The chart rendered by the real helm (cached per values), copies."""
    return copy.deepcopy(list(_chart(*values, namespace=namespace)))


def policy(*values: str, namespace: str = "default") -> PodPolicy:
    return PodPolicy.from_chart(operator_config(chart(*values, namespace=namespace)), namespace)


#: Knative Serving's Service, as a CRD that keeps its spec whole (the fake API server knows only installed CRDs).
KNATIVE_CRD: dict[str, Any] = {
    "apiVersion": "apiextensions.k8s.io/v1",
    "kind": "CustomResourceDefinition",
    "metadata": {"name": "services.serving.knative.dev"},
    "spec": {
        "group": "serving.knative.dev",
        "scope": "Namespaced",
        "names": {"kind": "Service", "plural": "services", "singular": "service", "listKind": "ServiceList"},
        "versions": [
            {
                "name": "v1",
                "served": True,
                "storage": True,
                "subresources": {"status": {}},
                "schema": {
                    "openAPIV3Schema": {
                        "type": "object",
                        "properties": {
                            "spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
                            "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
                        },
                    }
                },
            }
        ],
    },
}


def install_chart_rbac(kube, objects: list[dict]) -> None:
    """The rendered chart's service accounts, Roles, ClusterRoles and bindings, into the fake API server."""
    for obj in objects:
        if obj["kind"] in ("ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"):
            kube.apply_object(obj, namespace=obj["metadata"].get("namespace") or "default")


def api_client_as(kube, tmp_path, service_account: str | None = None):
    """The real client, authenticated to the fake API server as `namespace/name` (or as its admin)."""
    configuration = kubernetes.client.Configuration()
    name = (service_account or "admin").replace("/", "-")
    kubernetes.config.load_kube_config(
        config_file=kube.kubeconfig(tmp_path / name, service_account), client_configuration=configuration
    )
    return kubernetes.client.ApiClient(configuration)


@pytest.fixture()
def operator_client(kube, tmp_path):
    """An ApiClient that is the chart's operator service account, with the chart's RBAC in the fake API server."""
    install_chart_rbac(kube, chart())
    return api_client_as(kube, tmp_path, "default/bot-monsterbot-operator")


def operator_for(api_client, *values: str) -> Operator:
    return Operator(api_client, ("default",), YamlSource([KNOWLEDGE]).load(), policy(*values))


SHARED_REDIS = ("--set", "redis.url=redis://redis.default.svc:6379/0")


def test_desired_deployment_and_service():
    objects = desired_resources(bot(replicas=3), [], policy(*SHARED_REDIS))
    assert [(o["apiVersion"], o["kind"]) for o in objects] == [("apps/v1", "Deployment"), ("v1", "Service")]
    deployment = objects[0]
    assert deployment["metadata"]["ownerReferences"][0] | {} == {
        "apiVersion": "monsterbot.io/v1alpha1",
        "kind": "Bot",
        "name": "monsterbot",
        "uid": "uid-monsterbot",
        "controller": True,
        "blockOwnerDeletion": True,
    }
    pod = deployment["spec"]["template"]
    env = {e["name"]: e for e in pod["spec"]["containers"][0]["env"]}
    assert env["LINE_CHANNEL_SECRET"]["valueFrom"]["secretKeyRef"] == {"name": "line", "key": "channel-secret"}
    assert "value" not in env["LINE_CHANNEL_ACCESS_TOKEN"]
    assert env["MONSTERBOT_NAMESPACE"]["value"] == "default"
    assert pod["spec"]["serviceAccountName"] == "bot-monsterbot-webhook"  # the chart's, not the Bot's choice
    assert pod["spec"]["containers"][0]["image"].startswith("ghcr.io/monsterbot/monsterbot:")
    assert deployment["spec"]["replicas"] == 3
    assert KNOWLEDGE_CHECKSUM not in pod["metadata"]["annotations"]
    for obj in objects:
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)


def test_a_knative_bot_naming_no_max_scale_has_the_charts():
    """The chart's pod template carries its knative.maxScale (1 without Redis, checked by the chart): a Bot made
    before the rule keeps reconciling."""
    spec = {"knative": {"enabled": True, "minScale": 0}}
    [service] = desired_resources(bot(**spec), [], policy())
    assert service["spec"]["template"]["metadata"]["annotations"]["autoscaling.knative.dev/max-scale"] == "1"


@pytest.mark.parametrize("spec", [{"replicas": 2}, {"knative": {"enabled": True, "maxScale": 3}}])
def test_several_pods_without_a_shared_redis_are_refused_like_the_chart_refuses_them(spec):
    with pytest.raises(Refusal, match="without Redis") as refused:
        desired_resources(bot(**spec), [], policy())
    assert refused.value.reason == "NeedsRedis"
    assert desired_resources(bot(**spec), [], policy(*SHARED_REDIS))
    assert desired_resources(bot(**spec), [], policy("--set", "redis.acceptDuplicateAnswers=true"))
    one = {"replicas": 1} if "replicas" in spec else {"knative": {"enabled": True, "maxScale": 1}}
    assert desired_resources(bot(**one), [], policy())


def test_a_bot_elsewhere_runs_on_the_image_knowledge():
    """The chart's knowledge ConfigMap lives in the release namespace only: a Bot elsewhere does not mount it."""
    pod = desired_resources(bot(namespace="other"), [], policy())[0]["spec"]["template"]
    assert not [v for v in pod["spec"]["volumes"] if v["name"] == "knowledge"]
    assert "MONSTERBOT_KNOWLEDGE" not in {e["name"] for e in pod["spec"]["containers"][0]["env"]}


def test_desired_knative_service_and_checksum_when_not_watching():
    spec = {"knative": {"enabled": True, "minScale": 0, "maxScale": 5}, "knowledge": {"watchEventBindings": False}}
    [service] = desired_resources(bot(**spec), [binding("a", [LOREM])], policy(*SHARED_REDIS))
    assert (service["apiVersion"], service["kind"]) == ("serving.knative.dev/v1", "Service")
    annotations = service["spec"]["template"]["metadata"]["annotations"]
    assert (
        annotations["autoscaling.knative.dev/min-scale"] == "0"
        and annotations["autoscaling.knative.dev/max-scale"] == "5"
    )
    assert service["spec"]["template"]["spec"]["containerConcurrency"] == 8  # 2 workers × 4 threads, from the chart
    changed = desired_resources(
        bot(**spec), [binding("a", [dict(LOREM, aliases={"en": ["other"]})])], policy(*SHARED_REDIS)
    )
    assert (
        changed[0]["spec"]["template"]["metadata"]["annotations"][KNOWLEDGE_CHECKSUM] != annotations[KNOWLEDGE_CHECKSUM]
    )


def _status(kube, plural, name, namespace="default"):
    return kube.get("monsterbot.io/v1alpha1", plural, namespace, name).get("status") or {}


def test_the_api_server_refuses_a_binding_the_crd_forbids(kube):
    from tests.fake_kube import Refused

    broken = copy.deepcopy(LOREM)
    broken["games"]["wilds"]["weak_elements"] = ["lava"]
    with pytest.raises(Refused, match='spec.monsters.games.wilds.weak_elements: Unsupported value: "lava"') as refused:
        kube.apply(BINDINGS, binding("broken", [broken]))
    assert refused.value.code == 422


def test_operator_reconciles_and_is_idempotent(kube, operator_client):
    kube.apply(BOTS, bot(knowledge={"watchEventBindings": False}, eventBindingSelector={"matchLabels": {"team": "a"}}))
    kube.apply(BINDINGS, binding("good", [LOREM]))
    selected = binding("selected", [dict(LOREM, id="lorem-two", names={"en": "Lorem Two"}, aliases={})], bot="")
    selected["metadata"]["labels"] = {"team": "a"}
    selected["spec"].pop("botRef")
    kube.apply(BINDINGS, selected)
    kube.apply(BINDINGS, binding("orphan", [], bot="nobody"))
    twice = {"wilds": {"source": "test", "weak_elements": ["fire", "fire"]}}  # the CRD cannot say uniqueItems
    kube.apply(
        BINDINGS,
        binding("broken", [dict(LOREM, id="lorem-three", names={"en": "Lorem Three"}, aliases={}, games=twice)]),
    )
    clash = dict(LOREM, id="lorem-clash", names={"en": "Lorem Clash"}, aliases={"zh-TW": ["火龍"]})
    kube.apply(BINDINGS, binding("clash", [clash]))

    operator = operator_for(operator_client)
    operator.reconcile_all()
    assert kube.denied == []  # the chart's Role is enough
    deployment = kube.get("apps/v1", "deployments", "default", "monsterbot")
    assert deployment["metadata"]["ownerReferences"][0]["kind"] == "Bot"
    assert kube.get("v1", "services", "default", "monsterbot")
    reasons = {
        name: _status(kube, "eventbindings", name)["conditions"][0]["reason"]
        for name in ("good", "selected", "orphan", "broken", "clash")
    }
    assert reasons == {
        "good": "Accepted",
        "selected": "Accepted",
        "orphan": "UnknownBot",
        "broken": "InvalidMonster",
        "clash": "NameCollision",
    }
    assert _status(kube, "eventbindings", "good")["observedGeneration"] == 1
    bot_state = _status(kube, "bots", "monsterbot")
    assert bot_state["eventBindings"] == 4
    # no controller has reported on the Deployment yet: the Bot says so, and is not Ready
    assert bot_state["conditions"][0]["status"] == "False" and bot_state["conditions"][0]["reason"] == "WorkloadPending"
    report(kube, "monsterbot", AVAILABLE)
    operator.reconcile_all()
    assert _status(kube, "bots", "monsterbot")["conditions"][0]["status"] == "True"

    warnings = {
        (e["involvedObject"]["name"], e["reason"])
        for e in kube.list("v1", "events", "default")
        if e["type"] == "Warning"
    }
    assert {("orphan", "UnknownBot"), ("broken", "InvalidMonster"), ("clash", "NameCollision")} <= warnings

    writes = len(kube.writes())
    operator.reconcile_all()
    assert len(kube.writes()) == writes  # nothing changed, nothing written (no Event either)

    checksum = deployment["spec"]["template"]["metadata"]["annotations"][KNOWLEDGE_CHECKSUM]
    kube.apply(BINDINGS, binding("good", [dict(LOREM, aliases={"en": ["lorem", "ipsum"]})]))
    operator.reconcile_all()
    rolled = kube.get("apps/v1", "deployments", "default", "monsterbot")
    assert rolled["spec"]["template"]["metadata"]["annotations"][KNOWLEDGE_CHECKSUM] != checksum  # pods roll


#: What the Deployment controller reports when the pods serve, and when they cannot be created (seen on clusters: the
#: ReplicaSet controller cannot create pods whose service account is missing).
AVAILABLE = {
    "replicas": 1,
    "updatedReplicas": 1,
    "readyReplicas": 1,
    "availableReplicas": 1,
    "conditions": [
        {
            "type": "Available",
            "status": "True",
            "reason": "MinimumReplicasAvailable",
            "message": "Deployment has minimum availability.",
        },
        {
            "type": "Progressing",
            "status": "True",
            "reason": "NewReplicaSetAvailable",
            "message": 'ReplicaSet "monsterbot-5d4f" has successfully progressed.',
        },
    ],
}
NO_PODS = {
    "replicas": 0,
    "unavailableReplicas": 1,
    "conditions": [
        {
            "type": "Available",
            "status": "False",
            "reason": "MinimumReplicasUnavailable",
            "message": "Deployment does not have minimum availability.",
        },
        {
            "type": "ReplicaFailure",
            "status": "True",
            "reason": "FailedCreate",
            "message": 'pods "monsterbot-5d4f-" is forbidden: error looking up service account '
            'default/bot-monsterbot-webhook: serviceaccount "bot-monsterbot-webhook" not found',
        },
        {
            "type": "Progressing",
            "status": "True",
            "reason": "ReplicaSetUpdated",
            "message": 'ReplicaSet "monsterbot-5d4f" is progressing.',
        },
    ],
}


def report(kube, name: str, status: dict, namespace: str = "default") -> None:
    """Write a Deployment's status through /status, as its controller would (no controller-manager runs here)."""
    deployment = kube.get("apps/v1", "deployments", namespace, name)
    body = {"status": dict(status, observedGeneration=deployment["metadata"]["generation"])}
    kube.call(
        "PATCH",
        f"/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status",
        body,
        content_type="application/merge-patch+json",
    )


def test_a_bot_is_not_ready_while_its_pods_cannot_be_created(kube, operator_client):
    kube.apply(BOTS, bot())
    operator = operator_for(operator_client)
    operator.reconcile_all()
    report(kube, "monsterbot", NO_PODS)
    operator.reconcile_all()
    ready = _status(kube, "bots", "monsterbot")["conditions"][0]
    assert (ready["status"], ready["reason"]) == ("False", "FailedCreate")
    assert 'serviceaccount "bot-monsterbot-webhook" not found' in ready["message"]
    events = [
        (e["type"], e["reason"])
        for e in kube.list("v1", "events", "default")
        if e["involvedObject"]["kind"] == "Bot" and e["involvedObject"]["name"] == "monsterbot"
    ]
    assert ("Warning", "FailedCreate") in events and ("Normal", "Created") in events
    report(kube, "monsterbot", AVAILABLE)  # the account made: the pods run
    operator.reconcile_all()
    assert _status(kube, "bots", "monsterbot")["conditions"][0]["status"] == "True"
    events = [(e["type"], e["reason"]) for e in kube.list("v1", "events", "default")]
    assert ("Normal", "Available") in events


def test_knative_bot_gets_a_knative_service(kube, operator_client):
    kube.apply_object(KNATIVE_CRD)
    knative = "/apis/serving.knative.dev/v1/namespaces/default/services"
    try:
        kube.wait_for_crds("serving.knative.dev/v1", ("services",))
        kube.apply(BOTS, bot(knative={"enabled": True, "minScale": 0, "maxScale": 1}))  # to zero, at most one pod
        operator_for(operator_client).reconcile_all()
        assert kube.get("serving.knative.dev/v1", "services", "default", "monsterbot")
        assert not kube.list("apps/v1", "deployments", "default")
    finally:
        kube._wipe(knative)
        kube.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", KNATIVE_CRD["metadata"]["name"])


def test_without_knative_installed_a_knative_bot_fails_cleanly(kube, operator_client):
    kube.apply(BOTS, bot(knative={"enabled": True, "maxScale": 1}))
    operator_for(operator_client).reconcile_all()  # a 404 from the API server, logged; the pass goes on
    assert not kube.list("apps/v1", "deployments", "default")


ALLOW_STORE = ("--set", "operator.allowedSecretKeys={channel-secret,channel-access-token,database-url}")


def test_a_bot_on_the_store_gets_its_database_url_from_a_secret():
    spec = {"knowledge": {"source": "store", "databaseUrlSecretRef": {"name": "db", "key": "database-url"}}}
    deployment = desired_resources(bot(**spec), [], policy(*ALLOW_STORE))[0]
    env = {e["name"]: e for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["MONSTERBOT_SOURCE"]["value"] == "store"
    assert env["DATABASE_URL"]["valueFrom"]["secretKeyRef"] == {"name": "db", "key": "database-url"}
    assert crd_errors("Bot", bot(**spec)) == []
    assert crd_errors("Bot", bot(knowledge={"source": "ftp"}))


@pytest.mark.parametrize(
    "failure",
    [
        # the API server away: not an OSError
        urllib3.exceptions.MaxRetryError(urllib3.HTTPConnectionPool("127.0.0.1", 1), "/apis", ConnectionRefusedError()),
        urllib3.exceptions.ProtocolError("connection reset"),
        ApiException(status=500),
        ConnectionRefusedError(),
    ],
)
def test_an_api_server_blip_fails_one_pass_not_the_operator(failure, caplog):
    from monsterbot.operator import metrics
    from monsterbot.operator.operator import one_pass

    class Failing:
        def reconcile_all(self) -> None:
            raise failure

    errors = metrics.PASS_ERRORS.labels(type(failure).__name__)
    before, passes = errors._value.get(), metrics.PASSES._value.get()
    assert one_pass(Failing(), lambda: True, leading=False) is True  # still leading: the next pass retries
    assert "operator pass failed" in caplog.text
    assert errors._value.get() == before + 1 and metrics.PASSES._value.get() == passes  # counted as failed

    def renew() -> bool:
        raise failure

    assert one_pass(Failing(), renew, leading=True) is True  # renewing failed: held as it was


def test_a_bots_pods_are_told_whose_bindings_they_take():
    """Each Bot's pods take the bindings naming it or carrying its selector's labels, never another Bot's."""
    team = bot("team-a", eventBindingSelector={"matchLabels": {"team": "a", "app": "guild"}})
    [deployment, _] = desired_resources(team, [], policy())
    env = {e["name"]: e.get("value") for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["MONSTERBOT_BOT"] == "team-a" and env["MONSTERBOT_BOT_SELECTOR"] == "app=guild,team=a"
    from monsterbot.config import Settings

    settings = Settings.from_env({k: v or "" for k, v in env.items()}, require_line=False)
    assert settings.bot == "team-a" and dict(settings.bot_selector) == {"team": "a", "app": "guild"}


def test_a_bot_named_as_the_release_in_its_namespace_is_refused():
    """Its pods would carry the chart's webhook labels: each Service would send LINE's webhooks to both channels."""
    with pytest.raises(Refusal) as refused:
        desired_resources(bot("bot"), [], policy())  # the test chart's release is "bot", in "default"
    assert refused.value.reason == "NameTaken"
    assert desired_resources(bot("bot", namespace="games"), [], policy())  # elsewhere the name is free


def test_a_cluster_wide_bot_elsewhere_needs_an_account_of_its_namespace():
    """clusterWide makes no webhook account outside the release's namespace: the chart's would not exist there."""
    wide = ("--set", "operator.clusterWide=true", "--set", "operator.allowedServiceAccounts[0]=team-b-webhook")
    with pytest.raises(Refusal) as refused:
        desired_resources(bot("guild", namespace="team-b"), [], policy(*wide))
    assert refused.value.reason == "ServiceAccountMissing" and "team-b" in str(refused.value)
    [deployment, _] = desired_resources(
        bot("guild", namespace="team-b", serviceAccountName="team-b-webhook"), [], policy(*wide)
    )
    assert deployment["spec"]["template"]["spec"]["serviceAccountName"] == "team-b-webhook"
    assert desired_resources(bot("guild"), [], policy(*wide))  # in the release's namespace the chart's account is there
    own = (
        "--set",
        "operator.clusterWide=true",
        "--set",
        "serviceAccount.create=false",
        "--set",
        "serviceAccount.name=webhook",
    )  # the cluster's admins make the account, in every namespace they choose
    assert desired_resources(bot("guild", namespace="team-b"), [], policy(*own))


def test_a_bindings_status_says_what_the_webhooks_that_take_it_serve():
    """The verdict per webhook that takes the binding (each merges only its own): accepted if one of them does."""
    from monsterbot.operator.reconcile import binding_conditions

    base = YamlSource([KNOWLEDGE]).load()
    lorem = [LOREM]
    by_ref, by_label, plain = binding("a-ref", lorem, bot="x"), binding("b-label", lorem), binding("c-plain", lorem)
    for labelled in (by_label, plain):
        labelled["spec"].pop("botRef")
    by_label["metadata"]["labels"] = {"team": "a"}
    bots = [bot("x", eventBindingSelector={"matchLabels": {"team": "a"}})]
    everything = [by_ref, by_label, plain]
    chart = policy().chart_webhook
    assert chart == ("default", "", {})  # the test chart's own webhook: its namespace, naming no Bot
    verdicts = binding_conditions(everything, bots, base, chart)
    reasons = [verdicts[f"default/{b['metadata']['name']}"].condition["reason"] for b in everything]
    # Bot x serves a-ref (b-label repeats its monster there); the chart's webhook serves b-label (c-plain repeats it)
    assert reasons == ["Accepted", "Accepted", "DuplicateMonster"]
    named = policy("--set", "knowledge.bot=monsterbot").chart_webhook  # the chart's webhook takes "monsterbot"'s
    assert (
        binding_conditions([binding("guild", lorem)], [], base, named)["default/guild"].condition["reason"]
        == "Accepted"
    )
    assert binding_conditions([plain], [], base, named)["default/c-plain"].condition["reason"] == "UnknownBot"  # nobody


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        (
            {"knowledge": {"source": "store", "databaseUrlSecretRef": {"name": "db", "key": "database-url"}}},
            "knowledge.databaseUrlSecretRef names key 'database-url' of Secret 'db'",
        ),  # not in the default allowlist
        ({"channelSecretRef": {"name": "app", "key": "DATABASE_URL"}}, "channelSecretRef names key 'DATABASE_URL'"),
    ],
)
def test_a_bot_may_reference_only_the_secret_keys_the_chart_allows(spec, fragment):
    with pytest.raises(Refusal) as refused:
        desired_resources(bot(**spec), [], policy(*SHARED_REDIS))
    assert refused.value.reason == "SecretKeyNotAllowed" and fragment in str(refused.value)


def test_an_image_is_allowed_by_its_whole_reference_never_by_its_repository_alone():
    """Another tag of the chart's image or of an allowlisted one is another image (anyone who can push a tag there
    could run it with the webhook's Secrets): refused; the very references are taken."""
    values = (*SHARED_REDIS, "--set", "operator.allowedImages[0]=registry.example/monsterbot:canary")
    allowed = policy(*values)
    own = allowed.pods["deployment"]["spec"]["containers"][0]["image"]
    for image in (own, "registry.example/monsterbot:canary"):
        made = desired_resources(bot(image=image), [], allowed)[0]["spec"]["template"]["spec"]
        assert made["containers"][0]["image"] == image
    for image in (own.rsplit(":", 1)[0] + ":other", "registry.example/monsterbot:latest"):
        with pytest.raises(Refusal) as refused:
            desired_resources(bot(image=image), [], allowed)
        assert refused.value.reason == "ImageNotAllowed", image


def test_a_chart_that_allows_no_secret_keys_lets_bots_read_none():
    """An empty allowedSecretKeys allows none, not the defaults: only a missing list (an older chart) keeps those."""
    with pytest.raises(Refusal) as refused:
        desired_resources(bot(), [], policy(*SHARED_REDIS, "--set-json", "operator.allowedSecretKeys=[]"))
    assert refused.value.reason == "SecretKeyNotAllowed" and "allowedSecretKeys are none" in str(refused.value)


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ({"replicas": 11}, "replicas=11 is above the operator's cap of 10"),
        ({"knative": {"enabled": True, "minScale": 500, "maxScale": 500}}, "knative.minScale=500"),
        ({"knative": {"enabled": True, "maxScale": 11}}, "knative.maxScale=11"),
    ],
)
def test_scale_is_capped_by_the_chart(spec, fragment):
    with pytest.raises(Refusal) as refused:
        desired_resources(bot(**spec), [], policy(*SHARED_REDIS))
    assert refused.value.reason == "ScaleNotAllowed" and fragment in str(refused.value)
    raised = ("--set", "operator.maxReplicas=20", "--set", "operator.maxScale=1000")
    assert desired_resources(bot(**spec), [], policy(*SHARED_REDIS, *raised))  # the chart's values set the caps


def test_binding_verdicts_are_one_parse_per_binding_and_one_merge_per_webhook(monkeypatch):
    """Linear in bindings: the pass parses each binding once and merges once per webhook that takes bindings (it
    merged once per binding, each time re-reading every other one: 100 bindings took 104 s)."""
    from monsterbot.operator import reconcile
    from tests.test_kubernetes_watch import _wyvern

    calls = {"read_binding": 0, "merge": 0}

    def counted(name, real):
        def call(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(reconcile, "read_binding", counted("read_binding", reconcile.read_binding))
    monkeypatch.setattr(reconcile, "merge", counted("merge", reconcile.merge))
    bindings = [binding(f"b{n:03d}", [_wyvern(n)], bot="monsterbot" if n % 2 else "other") for n in range(100)]
    verdicts = reconcile.binding_conditions(
        bindings, [bot(), bot("other")], YamlSource([KNOWLEDGE]).load(), policy().chart_webhook
    )
    assert calls == {"read_binding": 100, "merge": 2}
    assert {v.condition["reason"] for v in verdicts.values()} == {"Accepted"}


def test_a_flood_of_bindings_never_delays_a_bots_own_objects(kube, operator_client, monkeypatch):
    """The Bots' objects and status are written before any binding's status, however many bindings there are."""
    from tests.test_kubernetes_watch import _wyvern

    for n in range(100):
        kube.apply(
            BINDINGS, binding(f"flood-{n:03d}", [_wyvern(n)], [{"keywords": [f"開團{n}"], "reply": {"text": "集合"}}])
        )
    kube.apply(BOTS, bot())
    operator = operator_for(operator_client)
    operator.reconcile_all()
    account = "system:serviceaccount:default:bot-monsterbot-operator"
    writes = [path for verb, path in kube.writes(account) if "/events" not in path]
    assert writes[0].endswith("/deployments") and writes[2].endswith("/bots/monsterbot/status"), writes[:3]
    assert len([w for w in writes if "/eventbindings/" in w]) == 100
    assert _status(kube, "eventbindings", "flood-099")["conditions"][0]["reason"] == "Accepted"
    # the verdicts are computed again only when a binding's spec or labels, or a Bot, changed (not its own writes)
    from monsterbot.operator import operator as module

    computed: list[int] = []
    real = module.binding_conditions

    def counted(*args: Any) -> Any:
        computed.append(1)
        return real(*args)

    monkeypatch.setattr(module, "binding_conditions", counted)
    operator.reconcile_all()
    assert computed == []
    kube.apply(BINDINGS, binding("flood-000", [_wyvern(0) | {"aliases": {"zh-TW": ["火龍"]}}]))
    operator.reconcile_all()
    assert computed == [1] and _status(kube, "eventbindings", "flood-000")["conditions"][0]["reason"] == "NameCollision"


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (
            {
                "kind": "Deployment",
                "metadata": {"name": "d", "generation": 2},
                "status": {"observedGeneration": 1, "conditions": AVAILABLE["conditions"]},
            },
            (False, "WorkloadPending"),
        ),  # available, but for the spec before the operator's last write
        (
            {
                "kind": "Deployment",
                "metadata": {"name": "d", "generation": 1},
                "status": dict(NO_PODS, observedGeneration=1),
            },
            (False, "FailedCreate"),
        ),
        (
            {
                "kind": "Deployment",
                "metadata": {"name": "d", "generation": 1},
                "status": {
                    "observedGeneration": 1,
                    "conditions": [
                        {
                            "type": "Progressing",
                            "status": "False",
                            "reason": "ProgressDeadlineExceeded",
                            "message": "too slow",
                        },
                        {"type": "Available", "status": "True"},
                    ],
                },
            },
            (False, "ProgressDeadlineExceeded"),
        ),
        (
            {
                "kind": "Deployment",
                "metadata": {"name": "d", "generation": 1},
                "status": dict(AVAILABLE, observedGeneration=1),
            },
            (True, "Available"),
        ),
        (
            {
                "apiVersion": "serving.knative.dev/v1",
                "kind": "Service",
                "metadata": {"name": "k", "generation": 3},
                "status": {
                    "observedGeneration": 3,
                    "conditions": [
                        {
                            "type": "Ready",
                            "status": "False",
                            "reason": "RevisionFailed",
                            "message": "Revision k-00003 failed",
                        }
                    ],
                },
            },
            (False, "RevisionFailed"),
        ),
        (
            {
                "apiVersion": "serving.knative.dev/v1",
                "kind": "Service",
                "metadata": {"name": "k", "generation": 3},
                "status": {"observedGeneration": 3, "conditions": [{"type": "Ready", "status": "True"}]},
            },
            (True, "Available"),
        ),
    ],
)
def test_a_workloads_own_conditions_say_whether_the_bot_is_ready(obj, expected):
    from monsterbot.operator.models import WorkloadState

    state = WorkloadState.of(obj)
    assert (state.available, state.reason) == expected
    assert obj["metadata"]["name"] in state.message
