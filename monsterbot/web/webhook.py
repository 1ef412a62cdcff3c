"""LINE's webhook, as any server hands it over: the raw body and its signature in, a status out.

`Webhook.answer` checks the signature, parses the events, claims them in the ledger, answers each and hands its
replies to the dispatcher; it runs on gunicorn's event loop (monsterbot/web/asgi.py) when nothing on its path waits on
the network, else on a thread through the Flask app (monsterbot/web/app.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Awaitable

from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    GroupSource,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    StickerMessageContent,
    TextMessageContent,
)

from monsterbot.conversation import ChatKind, Conversation, Reply
from monsterbot.preferences import chat_key
from monsterbot.web import metrics
from monsterbot.web.dedupe import EventLedger
from monsterbot.web.dispatch import ReplyDispatcher, Sending
from monsterbot.web.payload import InvalidPayload, parse_events, without_self_mentions

if TYPE_CHECKING:
    from monsterbot.store.query_log import QueryLog

log = logging.getLogger(__name__)


@dataclass
class Webhook:
    """Answers LINE's webhook calls for one channel."""

    conversation: Conversation
    dispatcher: ReplyDispatcher
    ledger: EventLedger
    query_log: QueryLog | None
    channel_secret: str

    def __post_init__(self) -> None:
        self._secret = self.channel_secret.encode()

    def answer(self, body: bytes, signature: str, awaited: list[Awaitable[None]] | None = None) -> tuple[str, int]:
        """The response text and status for a webhook call. Its replies' hold (until they reached LINE, HOLD at most)
        is appended to `awaited`, for an event loop to await before it responds; without it, it is waited for here."""
        with metrics.WEBHOOK_SECONDS.time():
            return self._answer(body, signature, awaited)

    def _answer(self, body: bytes, signature: str, awaited: list[Awaitable[None]] | None) -> tuple[str, int]:
        arrived = time.monotonic()
        if not _signed(body, signature, self._secret):
            log.info("webhook rejected: missing or invalid signature")
            metrics.WEBHOOK_REQUESTS.labels("invalid_signature").inc()
            return "invalid signature", 400
        try:
            batch = parse_events(body)
        except InvalidPayload as exc:
            log.info("webhook rejected: %s", exc)
            metrics.WEBHOOK_REQUESTS.labels("invalid_payload").inc()
            return "invalid payload", 400
        for reason in batch.skipped:
            metrics.EVENTS.labels(f"skipped_{reason}").inc()
            log.info("skipped an event this version cannot read", extra={"reason": reason})
        replies: list[Sending] = []
        busy = False
        claimed = self.ledger.claim([event.webhook_event_id for event in batch.events])
        for event in batch.events:
            if event.webhook_event_id in claimed:
                try:
                    reply = self._handle(event)
                    if reply is not None:
                        replies.append(reply)
                except ReplyQueueFull:
                    busy = True
                except Exception:  # noqa: BLE001 - one event's failure is logged; the batch and LINE get their 200
                    self.ledger.release(event.webhook_event_id)
                    metrics.EVENTS.labels("error").inc()
                    log.exception("could not answer an event", extra={"event": event.type})
            else:
                metrics.EVENTS.labels("duplicate").inc()
                log.info("skipped a redelivered event", extra={"event": event.type, "event_id": event.webhook_event_id})
        if awaited is None:
            self.dispatcher.settle(replies, arrived)
        elif replies:
            awaited.append(self.dispatcher.settle_async(replies, arrived))
        if busy:  # LINE redelivers a webhook it had no 2xx for; the events answered are skipped then (the ledger)
            metrics.WEBHOOK_REQUESTS.labels("busy").inc()
            return "busy: replies are queued to capacity", 503
        metrics.WEBHOOK_REQUESTS.labels("ok").inc()
        return "OK", 200

    def _handle(self, event: Event) -> Sending | None:
        """Answer one event (its claim marked answered once the reply is with LINE); log the query.

        Returns the reply on its way to LINE, if one was queued; raises ReplyQueueFull when it could not be queued."""
        started = time.perf_counter()
        event_id = event.webhook_event_id
        answer = _answer(event, self.conversation, self.channel_secret)
        if answer is None:
            self.ledger.answered(event_id)
            return None
        facts = {"event": event.type, "outcome": answer.outcome, "monster": answer.monster_id, "score": answer.score}
        token = getattr(event, "reply_token", None)
        if not (answer.messages and token):
            _count(event, answer, self.query_log)
            self.ledger.answered(event_id)
            log.info("answered", extra=facts | {"delivery": "none"})
            return None

        def delivered(result: str) -> None:
            metrics.LINE_REPLIES.labels(result).inc()
            took = {"delivery": result, "ms": round((time.perf_counter() - started) * 1000, 1)}
            if result in ("unreachable", "error", "unsent", "dropped"):  # LINE never had it: a redelivery may answer
                self.ledger.release(event_id)
                log.warning("reply not sent", extra=facts | took | {"event_id": event_id})
            else:
                self.ledger.answered(event_id)
                log.info("answered", extra=facts | took)

        reply = self.dispatcher.send(token, answer.messages, delivered)
        if reply is None:
            delivered("dropped")
            raise ReplyQueueFull(event_id)  # counted and logged when its redelivery is answered
        _count(event, answer, self.query_log)
        return reply


def _signed(body: bytes, signature: str, secret: bytes) -> bool:
    """Whether X-Line-Signature is the base64 HMAC-SHA256 of the raw body bytes with the channel secret
    (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/): bytes, never decoded text."""
    expected = base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest())
    return bool(signature) and hmac.compare_digest(expected, signature.encode("ascii", "replace"))


def _count(event: Event, answer: Reply, query_log: QueryLog | None) -> None:
    """The answer in the metrics and the query log (once per event: not for a reply LINE will have to redeliver).

    Only a message the bot answered is logged: one it stayed silent to (a group's chatter, a quiet group) was not
    addressed to it, and is kept nowhere."""
    metrics.EVENTS.labels(answer.outcome).inc()
    text = event.message if isinstance(event, MessageEvent) else None
    if query_log is not None and isinstance(text, TextMessageContent) and answer.query and answer.messages:
        from monsterbot.store.query_log import Entry

        chat = event.source.type if event.source else "user"
        said, _ = without_self_mentions(text)  # as written: the log redacts links and numbers before normalising
        query_log.record(Entry(said, answer.outcome, answer.monster_id, answer.score, chat, answer.language))


class ReplyQueueFull(Exception):
    """The worker holds as many replies as it can send within its drain budget: this event's claim was released, so
    LINE's redelivery of the webhook (after a non-2xx) answers it."""


def _answer(event: Event, conversation: Conversation, salt: str) -> Reply | None:
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        chat, key = _chat_of(event, salt)
        text, mentioned = without_self_mentions(event.message)
        return conversation.reply_to_text(text, chat, mentioned, key)
    if isinstance(event, MessageEvent) and isinstance(event.message, StickerMessageContent):
        chat, _ = _chat_of(event, salt)
        return conversation.reply_to_sticker(event.message.text or "", event.message.keywords or [], chat)
    if isinstance(event, PostbackEvent):
        return conversation.reply_to_postback(event.postback.data, _chat_of(event, salt)[1])
    if isinstance(event, FollowEvent):
        return conversation.greet()
    if isinstance(event, JoinEvent):
        return conversation.welcome_group()
    if isinstance(event, MemberJoinedEvent):
        return conversation.welcome_members(_chat_of(event, salt)[1])
    if isinstance(event, LeaveEvent):
        return conversation.forget(_chat_of(event, salt)[1])
    return None


def _chat_of(event: Event, salt: str) -> tuple[ChatKind, str]:
    """The kind of chat and a salted key of it (never the raw LINE id)."""
    source = event.source
    if isinstance(source, GroupSource):
        return ChatKind.GROUP, chat_key(source.group_id, salt)
    if isinstance(source, RoomSource):
        return ChatKind.ROOM, chat_key(source.room_id, salt)
    user = getattr(source, "user_id", None)
    return ChatKind.USER, chat_key(user, salt) if user else ""
