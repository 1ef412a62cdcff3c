"""Chat memory in Redis, shared by every replica: one key per chat with Redis' own expiry."""

from __future__ import annotations

from monsterbot.memory import Remembered


class RedisMemory:
    """SET with EX and GET under `prefix` + chat key; socket timeouts bound every call."""

    def __init__(self, url: str, ttl: int, timeout: float = 0.25, prefix: str = "monsterbot:chat:") -> None:
        import redis  # only when configured: keeps the default start-up light

        self._redis = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._ttl = max(1, ttl)
        self._prefix = prefix

    def recall(self, key: str) -> Remembered | None:
        raw = self._redis.get(self._prefix + key)
        return Remembered.loads(raw) if isinstance(raw, (str, bytes)) else None

    def remember(self, key: str, value: Remembered) -> None:
        self._redis.set(self._prefix + key, value.dumps(), ex=self._ttl)

    def forget(self, key: str) -> None:
        self._redis.delete(self._prefix + key)

    def close(self) -> None:
        self._redis.close()
