"""Leader election with a coordination.k8s.io/v1 Lease, so only one operator replica reconciles.

Expiry is judged as client-go does, on this replica's own clock: a Lease is expired when its record (holder,
renewTime, resourceVersion) has not changed for `leaseDurationSeconds` of locally observed time, whatever the
holder wrote in `renewTime` (clocks differ between nodes). The holder trusts itself to lead only for
`renew_deadline` after its last successful renewal, shorter than the duration, so it stops acting before anyone
else may take over.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from typing import Callable

from monsterbot.kubernetes.api import ApiException, client

log = logging.getLogger(__name__)


class LeaseElector:
    """Holds a Lease while renewing it; another replica takes over once it has seen it unchanged for its duration."""

    def __init__(
        self,
        api: client.CoordinationV1Api,
        name: str,
        namespace: str,
        identity: str,
        duration: int = 15,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._api = api
        self._name = name
        self._namespace = namespace
        self.identity = identity
        self._duration = duration
        self.renew_deadline = duration * 2 / 3
        self._clock = clock
        self._observed: tuple[object, ...] | None = None
        self._observed_at = 0.0
        self._renewed_at: float | None = None

    def leading(self) -> bool:
        """True while the last successful renewal is younger than the renew deadline."""
        return self._renewed_at is not None and self._clock() - self._renewed_at < self.renew_deadline

    def acquire_or_renew(self) -> bool:
        """True if this replica holds the Lease after the call."""
        started = self._clock()
        now = datetime.now(timezone.utc)
        try:
            lease = self._api.read_namespaced_lease(self._name, self._namespace)
        except ApiException as exc:
            if exc.status != 404:
                raise
            return self._won(started) if self._create(now) else self._lost()
        spec = lease.spec
        holder = spec.holder_identity
        record = (holder, spec.renew_time, lease.metadata.resource_version)
        if record != self._observed:
            self._observed, self._observed_at = record, started
        duration = spec.lease_duration_seconds or self._duration
        expired = started - self._observed_at >= duration
        if holder and holder != self.identity and not expired:
            return self._lost()
        if holder != self.identity:
            log.info("taking the operator lease from %s", holder or "nobody")
            spec.acquire_time = now
            spec.lease_transitions = (spec.lease_transitions or 0) + 1
        spec.holder_identity, spec.renew_time, spec.lease_duration_seconds = self.identity, now, self._duration
        try:
            self._api.replace_namespaced_lease(self._name, self._namespace, lease)  # carries its resourceVersion
        except ApiException as exc:
            if exc.status == 409:  # someone else wrote it first
                return self._lost()
            raise
        return self._won(started)

    def _won(self, started: float) -> bool:
        self._renewed_at = started
        return True

    def _lost(self) -> bool:
        self._renewed_at = None
        return False

    def _create(self, now: datetime) -> bool:
        body = client.V1Lease(
            metadata=client.V1ObjectMeta(name=self._name, namespace=self._namespace),
            spec=client.V1LeaseSpec(
                holder_identity=self.identity,
                lease_duration_seconds=self._duration,
                acquire_time=now,
                renew_time=now,
                lease_transitions=0,
            ),
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
        self._renewed_at = None
        try:
            lease = self._api.read_namespaced_lease(self._name, self._namespace)
            if lease.spec.holder_identity == self.identity:
                lease.spec.holder_identity = None
                self._api.replace_namespaced_lease(self._name, self._namespace, lease)
        except ApiException as exc:
            log.warning("could not release the operator lease: HTTP %s", exc.status)
