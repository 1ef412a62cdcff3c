"""The Helm chart with the real helm binary: lint, render under each mode, validate every object, refuse bad values."""

from __future__ import annotations

import subprocess
from functools import lru_cache

import pytest
import yaml

kubernetes_validate = pytest.importorskip("kubernetes_validate")

from monsterbot import __version__  # noqa: E402
from tests.conftest import REPO  # noqa: E402
from tests.helm_tool import helm_binary  # noqa: E402
from tests.test_kubernetes_operator import K8S_VERSION, crd_errors  # noqa: E402

CHART = REPO / "charts" / "monsterbot"
CREDENTIALS = ["--set", "line.channelSecret=s3cr3t", "--set", "line.channelAccessToken=t0ken"]


@lru_cache(maxsize=1)
def helm() -> str:
    return str(helm_binary())


def run_helm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([helm(), *args], capture_output=True, text=True, timeout=120)


def render(*values: str) -> list[dict]:
    done = run_helm("template", "bot", str(CHART), "--namespace", "games", "--include-crds", *values)
    assert done.returncode == 0, done.stderr
    return [d for d in yaml.safe_load_all(done.stdout) if d]


def by_kind(objects: list[dict], kind: str, api: str | None = None) -> list[dict]:
    return [o for o in objects if o["kind"] == kind and (api is None or o["apiVersion"] == api)]


def validate_all(objects: list[dict]) -> None:
    for obj in objects:
        if obj["apiVersion"].startswith("monsterbot.io/"):
            assert crd_errors(obj["kind"], obj) == []
        elif obj["apiVersion"] == "serving.knative.dev/v1":
            template = obj["spec"]["template"]
            pod_spec = {k: v for k, v in template["spec"].items() if k not in ("containerConcurrency", "timeoutSeconds")}
            pod = {"apiVersion": "v1", "kind": "Pod", "metadata": template["metadata"], "spec": pod_spec}
            kubernetes_validate.validate(pod, K8S_VERSION, strict=True)
        else:
            kubernetes_validate.validate(obj, K8S_VERSION, strict=True)


def test_lint_strict():
    done = run_helm("lint", "--strict", str(CHART), *CREDENTIALS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_chart_version_follows_the_package():
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["apiVersion"] == "v2" and chart["appVersion"] == __version__


def test_default_render():
    objects = render(*CREDENTIALS)
    validate_all(objects)
    kinds = {o["kind"] for o in objects}
    assert {"Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "Secret", "CustomResourceDefinition"} <= kinds
    assert not by_kind(objects, "Service", "serving.knative.dev/v1") and not by_kind(objects, "HorizontalPodAutoscaler")
    [webhook] = [d for d in by_kind(objects, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    labels = webhook["metadata"]["labels"]
    assert labels["app.kubernetes.io/name"] == "monsterbot" and labels["app.kubernetes.io/instance"] == "bot"
    pod = webhook["spec"]["template"]
    container = pod["spec"]["containers"][0]
    assert container["image"] == f"ghcr.io/monsterbot/monsterbot:{__version__}"
    env = {e["name"]: e for e in container["env"]}
    assert env["LINE_CHANNEL_SECRET"]["valueFrom"]["secretKeyRef"]["name"] == "bot-monsterbot-line"
    assert all("value" not in env[n] for n in ("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN"))
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    assert pod["spec"]["terminationGracePeriodSeconds"] > 25  # gunicorn's graceful_timeout fits
    assert pod["metadata"]["annotations"]["checksum/knowledge"]
    [configmap] = by_kind(objects, "ConfigMap")
    assert "rathalos.yaml" in configmap["data"] and "火龍" in configmap["data"]["rathalos.yaml"]
    size = sum(len(v.encode()) for v in configmap["data"].values())
    assert size < 900_000, f"knowledge ConfigMap is {size} bytes; Kubernetes refuses objects over 1 MiB"
    secrets = by_kind(objects, "Secret")
    assert len(secrets) == 1 and "t0ken" not in str(configmap)
    [role] = [r for r in by_kind(objects, "Role") if r["metadata"]["name"] == "bot-monsterbot-webhook"]
    assert role["rules"] == [{"apiGroups": ["monsterbot.io"], "resources": ["eventbindings"], "verbs": ["get", "list", "watch"]}]
    operator = [d for d in by_kind(objects, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "operator"]
    assert len(operator) == 1 and by_kind(objects, "ClusterRole")
    [test_pod] = by_kind(objects, "Pod")
    assert test_pod["metadata"]["annotations"]["helm.sh/hook"] == "test"


def test_knowledge_change_rolls_the_pods(tmp_path):
    first = render(*CREDENTIALS)
    second = render(*CREDENTIALS, "--set", "knowledge.configMap=false")
    annotations = [d["spec"]["template"]["metadata"]["annotations"] for d in by_kind(first, "Deployment")
                   if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    assert annotations[0]["checksum/knowledge"]
    webhook = [d for d in by_kind(second, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    assert "checksum/knowledge" not in webhook[0]["spec"]["template"]["metadata"]["annotations"]


def test_knative_render():
    objects = render(*CREDENTIALS, "--set", "knative.enabled=true", "--set", "knative.maxScale=4",
                     "--set", "knative.containerConcurrency=10")
    validate_all(objects)
    [service] = by_kind(objects, "Service", "serving.knative.dev/v1")
    annotations = service["spec"]["template"]["metadata"]["annotations"]
    assert annotations["autoscaling.knative.dev/min-scale"] == "0"
    assert annotations["autoscaling.knative.dev/max-scale"] == "4"
    assert annotations["autoscaling.knative.dev/metric"] == "concurrency"
    assert service["spec"]["template"]["spec"]["containerConcurrency"] == 10
    assert service["spec"]["template"]["spec"]["containers"][0]["ports"][0]["name"] == "http1"
    webhooks = [d for d in by_kind(objects, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    assert webhooks == [] and not by_kind(objects, "Service", "v1") and not by_kind(objects, "PodDisruptionBudget")


def test_autoscaling_render():
    objects = render(*CREDENTIALS, "--set", "autoscaling.enabled=true", "--set", "autoscaling.maxReplicas=7")
    validate_all(objects)
    [hpa] = by_kind(objects, "HorizontalPodAutoscaler")
    assert hpa["spec"]["maxReplicas"] == 7 and hpa["spec"]["scaleTargetRef"]["name"] == "bot-monsterbot"
    webhook = [d for d in by_kind(objects, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    assert "replicas" not in webhook[0]["spec"]


def test_existing_secret_render():
    objects = render("--set", "line.existingSecret=my-line", "--set", "ingress.enabled=true")
    validate_all(objects)
    assert by_kind(objects, "Secret") == []
    webhook = [d for d in by_kind(objects, "Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "webhook"]
    env = {e["name"]: e for e in webhook[0]["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["LINE_CHANNEL_ACCESS_TOKEN"]["valueFrom"]["secretKeyRef"] == {"name": "my-line", "key": "channel-access-token"}
    [ingress] = by_kind(objects, "Ingress")
    assert ingress["spec"]["rules"][0]["http"]["paths"][0]["path"] == "/callback"


def test_operator_disabled_render():
    objects = render(*CREDENTIALS, "--set", "operator.enabled=false", "--set", "knowledge.watchEventBindings=false")
    validate_all(objects)
    components = {o["metadata"].get("labels", {}).get("app.kubernetes.io/component") for o in objects}
    assert "operator" not in components
    assert not by_kind(objects, "ClusterRole") and not by_kind(objects, "Role")


def test_missing_credentials_is_a_clear_error():
    done = run_helm("template", "bot", str(CHART))
    assert done.returncode != 0 and "line.existingSecret" in done.stderr


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("replicaCount=-1", "/replicaCount"),
        ("knative.metric=latency", "/knative/metric"),
        ("config.defaultGame=frontier", "/config/defaultGame"),
        ("terminationGracePeriodSeconds=5", "/terminationGracePeriodSeconds"),
        ("replicas=3", "'replicas'"),  # a typo of replicaCount
        ("image.pullPolicy=Sometimes", "/image/pullPolicy"),
    ],
)
def test_bad_values_are_refused_by_the_schema(setting, fragment):
    done = run_helm("template", "bot", str(CHART), *CREDENTIALS, "--set", setting)
    assert done.returncode != 0
    assert "values don't meet the specifications of the schema" in done.stderr and fragment in done.stderr, done.stderr


def test_dockerfile_lints_and_matches_the_chart():
    import shutil
    import sys
    from pathlib import Path

    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    done = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "USER 10001:10001" in dockerfile and "EXPOSE 8080" in dockerfile
    assert '"monsterbot.web.app:create_app()"' in dockerfile and "monsterbot.web.gunicorn_conf" in dockerfile


def test_every_setting_the_chart_sets_is_in_its_templates():
    """Each row of config.SETTINGS that the chart sets (a values key or "fixed") is set by some template."""
    import re

    from monsterbot.config import SETTINGS

    templates = "".join(p.read_text() for p in (CHART / "templates").rglob("*") if p.is_file())
    named = set(re.findall(r"- name: ([A-Z_]+)", templates))
    missing = [s.env for s in SETTINGS if s.chart and s.env not in named]
    assert not missing, f"SETTINGS rows the chart should set but does not: {missing}"
    values = (CHART / "values.yaml").read_text()
    for setting in SETTINGS:
        if setting.chart and setting.chart != "fixed":
            assert setting.chart.split(".")[-1] + ":" in values, f"{setting.env}: no {setting.chart} in values.yaml"
