"""The one module that imports the official `kubernetes` client: everything else takes its names from here, so a
change of client (or of its version's quirks) touches one file."""

from __future__ import annotations

import urllib3
from kubernetes import client, watch
from kubernetes.client.exceptions import ApiException

__all__ = ["ApiException", "TransportError", "client", "connect", "watch"]

#: The client's transport failing under it (a refused connection, a timeout, a reset): urllib3's own errors.
TransportError = urllib3.exceptions.HTTPError


def connect() -> client.ApiClient:
    """An ApiClient from the in-cluster service account, else from KUBECONFIG / ~/.kube/config."""
    from kubernetes import config

    try:
        config.load_incluster_config()
    except config.ConfigException:
        config.load_kube_config()
    return client.ApiClient()
