"""LINE's webhook, as any server hands it over: the raw body and its signature in, a status out.

`Webhook.answer` checks the signature, parses the events, claims them in the ledger, answers each and hands its
replies to the dispatcher; it runs on gunicorn's event loop (`answer_on_loop`, monsterbot/web/asgi.py) when nothing on
its path waits on the network, else on a thread through the Flask app (monsterbot/web/app.py).

A 200 never precedes a durable record of what is still to be sent: the replies not yet with LINE when the webhook
responds are kept in the ledger's outbox first (a 503 when they cannot be: LINE redelivers), and `replay_owed`, run
every second by each worker, sends those a dead worker left (monsterbot/web/dedupe.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Awaitable, Callable, Mapping

from monsterbot import logs
from monsterbot.bounded import deadline
from monsterbot.conversation import ChatKind, Conversation, Reply
from monsterbot.line_sdk.webhooks import (
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
from monsterbot.preferences import chat_key
from monsterbot.replies.wire import Wire
from monsterbot.web import metrics
from monsterbot.web.dedupe import REPLY_TOKEN_SECONDS, EventLedger, Owed
from monsterbot.web.dispatch import ReplyDispatcher, Sending
from monsterbot.web.payload import InvalidPayload, Said, parse_events, read_text

if TYPE_CHECKING:
    from monsterbot.store.query_log import QueryLog

log = logging.getLogger(__name__)
FAILED = ("unreachable", "error", "unsent", "dropped")  # results of a reply LINE never had, or may not have
#: Seconds from a webhook's arrival within which all its waits on Redis, the database and preferences end together
#: (monsterbot/bounded.py): LINE gives a webhook 2 s, and the answer must stay under 1 s whatever a store does.
DEPENDENCY_BUDGET = 0.5
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


@dataclass
class _Batch:
    """A webhook's events answered, their replies on their way: what remains before it responds."""

    arrived: float  # monotonic
    deadline: float  # wall time its reply tokens are used until
    replies: list[Sending] = field(default_factory=list)
    owed: list[Owed] = field(default_factory=list)  # one per reply
    busy: bool = False


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

    def answer(
        self, body: bytes, signature: str, arrived: float | None = None, request_id: str = ""
    ) -> tuple[str, int]:
        """The response text and status for a webhook call, once its replies reached LINE (HOLD at most) or were
        kept in the outbox: on a thread. `arrived` (monotonic): when the request was read, if it then waited for the
        thread; every wait on a store ends by DEPENDENCY_BUDGET after it. `request_id`: its X-Request-Id, if any."""
        arrived = time.monotonic() if arrived is None else arrived
        with deadline(arrived + DEPENDENCY_BUDGET):
            with metrics.WEBHOOK_SECONDS.time(), logs.context(request_id=log_id(request_id)):  # on each line
                batch = self._answer(body, signature, arrived)
            if isinstance(batch, tuple):
                return batch
            self.dispatcher.settle(batch.replies, batch.arrived)
            return self._respond(batch)

    def answer_on_loop(
        self, body: bytes, signature: str, request_id: str = ""
    ) -> tuple[str, int] | Awaitable[tuple[str, int]]:
        """`answer` on the event loop: the response, or what to await for it (the replies' hold, never slept)."""
        arrived = time.monotonic()
        with (
            deadline(arrived + DEPENDENCY_BUDGET),
            metrics.WEBHOOK_SECONDS.time(),
            logs.context(request_id=log_id(request_id)),
        ):
            batch = self._answer(body, signature, arrived)
        return batch if isinstance(batch, tuple) else self._settled(batch)

    async def _settled(self, batch: _Batch) -> tuple[str, int]:
        await self.dispatcher.settle_async(batch.replies, batch.arrived)
        with deadline(batch.arrived + DEPENDENCY_BUDGET):
            return self._respond(batch)

    def _respond(self, batch: _Batch) -> tuple[str, int]:
        """200, once the replies not yet with LINE are in the outbox; 503 (LINE redelivers) when the queue was full or
        the outbox failed."""
        owed = [
            replace(o, sending=not reply.done())
            for reply, o in zip(batch.replies, batch.owed, strict=True)
            if not _delivered(reply)
        ]
        if not batch.busy and owed and not self.ledger.owe(owed):
            log.warning(
                "replies on their way could not be kept: 503, so that LINE redelivers", extra={"replies": len(owed)}
            )
            batch.busy = True
        if batch.busy:  # LINE redelivers a webhook it had no 2xx for; the events answered are skipped then (the ledger)
            metrics.WEBHOOK_REQUESTS.labels("busy").inc()
            return "busy: an event is not answered yet, deliver it again later", 503
        metrics.WEBHOOK_REQUESTS.labels("ok").inc()
        return "OK", 200

    def replay_owed(self) -> int:
        """Send the replies a gone worker owes (run every second by each worker); how many were sent. Only as many are
        taken as senders are free: each is sent at once, well within its lease, so no other worker takes it again."""
        sent = 0
        for owed in self.ledger.take_owed(self.dispatcher.free_senders()):
            facts = {"event": "replayed", "event_id": owed.event_id}
            done = self._delivered(owed.event_id, facts, time.perf_counter())
            if self.dispatcher.send(owed.token, owed.messages, done) is None:
                self.ledger.release(owed.event_id)  # the queue is full: tried again in a while
            else:
                sent += 1
        if sent:
            log.info("replaying replies a stopped worker owed", extra={"replies": sent})
        return sent

    def _answer(self, body: bytes, signature: str, arrived: float) -> tuple[str, int] | _Batch:
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
        done = _Batch(arrived, time.time() + REPLY_TOKEN_SECONDS)
        claimed = self.ledger.claim([event.webhook_event_id for event in batch.events])
        held = {event.webhook_event_id for event in batch.events} - claimed
        answered = self.ledger.were_answered(sorted(held)) if held else set()
        for event in batch.events:
            with logs.context(event_id=event.webhook_event_id):  # its lines, and its reply's task and callbacks
                if event.webhook_event_id in claimed:
                    try:
                        sending = self._handle(event)
                        if sending is not None:
                            done.replies.append(sending[0])
                            done.owed.append(Owed(event.webhook_event_id, sending[1], sending[2], done.deadline))
                    except ReplyQueueFull:
                        done.busy = True
                    except Exception:
                        self.ledger.release(event.webhook_event_id)
                        metrics.EVENTS.labels("error").inc()
                        log.exception("could not answer an event", extra={"event": event.type})
                elif event.webhook_event_id in answered:
                    metrics.EVENTS.labels("duplicate").inc()
                    log.info("skipped a redelivered event", extra={"event": event.type})
                else:  # another worker holds it unanswered, and may die: a 2xx now could lose it
                    done.busy = True
                    metrics.EVENTS.labels("held_elsewhere").inc()
                    log.info(
                        "a redelivered event is still in another worker's hands: 503, LINE redelivers it later",
                        extra={"event": event.type},
                    )
        return done if done.replies or done.busy else ("OK", 200)

    def _handle(self, event: Event) -> tuple[Sending, str, tuple[Wire, ...]] | None:
        """Answer one event (its claim marked answered once the reply is with LINE); log the query.

        Returns the reply on its way to LINE, its token and messages, if one was queued; raises ReplyQueueFull when
        it could not be queued."""
        started = time.perf_counter()  # the reply's time in the log: from here until LINE has it
        event_id = event.webhook_event_id
        said = _said(event)  # once: answer and log
        answer = _answer(event, said, self.conversation, self.channel_secret)
        if answer is None:
            self.ledger.answered(event_id)
            return None
        facts = {
            "event": event.type,
            "event_id": event_id,
            "outcome": answer.outcome,
            "monster": answer.monster_id,
            "score": answer.score,
        }
        token = getattr(event, "reply_token", None)
        if not (answer.messages and token):
            _count(event, said, answer, self.query_log)
            self.ledger.answered(event_id)
            log.info("answered", extra=facts | {"delivery": "none"})
            return None

        delivered = self._delivered(event_id, facts, started)
        reply = self.dispatcher.send(token, answer.messages, delivered)
        if reply is None:
            delivered("dropped")
            raise ReplyQueueFull(event_id)  # counted and logged when its redelivery is answered
        _count(event, said, answer, self.query_log)
        return reply, token, tuple(answer.messages)

    def _delivered(self, event_id: str, facts: Mapping[str, object], started: float) -> Callable[[str], None]:
        """What a reply's result does: LINE had it (or refused it: a used token was used before), the event is
        answered; else its claim is released (a redelivery answers it) and an owed reply is tried again."""

        def delivered(result: str) -> None:
            metrics.LINE_REPLIES.labels(result).inc()
            took = {"delivery": result, "ms": round((time.perf_counter() - started) * 1000, 1)}
            if result in FAILED:
                self.ledger.release(event_id)
                log.warning("reply not sent", extra={**facts, **took})
            else:
                self.ledger.answered(event_id)
                log.info("answered", extra={**facts, **took})

        return delivered


def log_id(given: str) -> str:
    """The id every log line of a webhook call carries: the X-Request-Id a proxy in front gave it (to follow the
    request across both logs) when it is a plain token of at most 64 letters, digits and ._:- (nothing a log reader
    could mistake for other fields or lines), else a new one."""
    return given if _REQUEST_ID.fullmatch(given) else secrets.token_hex(8)


def _delivered(reply: Sending) -> bool:
    """Whether LINE had this reply (or refused it for good)."""
    return reply.done() and not reply.cancelled() and reply.result() not in FAILED


def _signed(body: bytes, signature: str, secret: bytes) -> bool:
    """Whether X-Line-Signature is the base64 HMAC-SHA256 of the raw body bytes with the channel secret
    (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/): bytes, never decoded text."""
    expected = base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest())
    return bool(signature) and hmac.compare_digest(expected, signature.encode("ascii", "replace"))


def _count(event: Event, said: Said | None, answer: Reply, query_log: QueryLog | None) -> None:
    """The answer in the metrics and the query log (once per event: not for a reply LINE will have to redeliver).

    Only a message the bot answered is logged: one it stayed silent to (a group's chatter, a quiet group) was not
    addressed to it, and is kept nowhere."""
    metrics.EVENTS.labels(answer.outcome).inc()
    if query_log is not None and said is not None and answer.query and answer.messages:
        from monsterbot.store.query_log import Entry

        chat = event.source.type if event.source else "user"
        # no one's name (every mention cut); the log redacts links and numbers before normalising
        query_log.record(Entry(said.kept, answer.outcome, answer.monster_id, answer.score, chat, answer.language))


class ReplyQueueFull(Exception):
    """The worker holds as many replies as it can send within its drain budget: this event's claim was released, so
    LINE's redelivery of the webhook (after a non-2xx) answers it."""


def _said(event: Event) -> Said | None:
    """What a text message says (None for any other event)."""
    message = getattr(event, "message", None)
    return read_text(message) if isinstance(message, TextMessageContent) else None


def _answer(event: Event, said: Said | None, conversation: Conversation, salt: str) -> Reply | None:
    if said is not None:  # a text message
        chat, key = _chat_of(event, salt)
        return conversation.reply_to_text(said.text, chat, said.mentioned, key)
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
