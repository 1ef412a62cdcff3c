"""The operator's configuration, as the chart writes it: which pods it may run, which namespaces it watches."""

from __future__ import annotations

from pathlib import Path

import yaml


def load_config(path: Path) -> dict:
    """The operator's configuration, written by the chart: its ConfigMap's `config.yaml` as mounted in the pod, or
    the output of `helm template … -s templates/operator.yaml` (the ConfigMap is found among the documents)."""
    for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
        if (
            isinstance(document, dict)
            and document.get("kind") == "ConfigMap"
            and "config.yaml" in (document.get("data") or {})
        ):
            document = yaml.safe_load(document["data"]["config.yaml"])
        if isinstance(document, dict) and isinstance(document.get("pods"), dict):
            return document
    raise ValueError(f"{path}: no operator configuration in it (render it with the chart)")


def watched_namespaces(config: dict, own_namespace: str) -> tuple[str, ...]:
    """The namespaces to reconcile: the listed ones, its own by default, or () for the whole cluster."""
    if config.get("clusterWide"):
        return ()
    return tuple(config.get("watchNamespaces") or ()) or (own_namespace,)
