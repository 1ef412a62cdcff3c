"""Leader election with a coordination.k8s.io/v1 Lease, so only one operator replica reconciles."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from kubernetes import client
from kubernetes.client.exceptions import ApiException

log = logging.getLogger(__name__)


class LeaseElector:
    """Holds a Lease while renewing it; another replica takes over once it expires."""

    def __init__(self, api: client.CoordinationV1Api, name: str, namespace: str, identity: str, duration: int = 15) -> None:
        self._api = api
        self._name = name
        self._namespace = namespace
        self.identity = identity
        self._duration = duration

    def acquire_or_renew(self) -> bool:
        """True if this replica holds the Lease after the call."""
        now = datetime.now(timezone.utc)
        try:
            lease = self._api.read_namespaced_lease(self._name, self._namespace)
        except ApiException as exc:
            if exc.status != 404:
                raise
            return self._create(now)
        spec = lease.spec
        holder = spec.holder_identity
        renewed = spec.renew_time
        expired = renewed is None or renewed + timedelta(seconds=spec.lease_duration_seconds or self._duration) < now
        if holder and holder != self.identity and not expired:
            return False
        if holder != self.identity:
            log.info("taking the operator lease from %s", holder or "nobody")
            spec.acquire_time = now
            spec.lease_transitions = (spec.lease_transitions or 0) + 1
        spec.holder_identity, spec.renew_time, spec.lease_duration_seconds = self.identity, now, self._duration
        try:
            self._api.replace_namespaced_lease(self._name, self._namespace, lease)
        except ApiException as exc:
            if exc.status == 409:  # someone else renewed first
                return False
            raise
        return True

    def _create(self, now: datetime) -> bool:
        body = client.V1Lease(
            metadata=client.V1ObjectMeta(name=self._name, namespace=self._namespace),
            spec=client.V1LeaseSpec(holder_identity=self.identity, lease_duration_seconds=self._duration,
                                    acquire_time=now, renew_time=now, lease_transitions=0),
        )
        try:
            self._api.create_namespaced_lease(self._namespace, body)
        except ApiException as exc:
            if exc.status == 409:
                return False
            raise
        return True

    def release(self) -> None:
        """Give the Lease up on shutdown so another replica takes over at once."""
        try:
            lease = self._api.read_namespaced_lease(self._name, self._namespace)
            if lease.spec.holder_identity == self.identity:
                lease.spec.holder_identity = None
                self._api.replace_namespaced_lease(self._name, self._namespace, lease)
        except ApiException as exc:
            log.warning("could not release the operator lease: HTTP %s", exc.status)
