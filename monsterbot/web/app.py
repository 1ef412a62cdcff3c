"""The webhook: a Flask app that checks LINE's signature, answers events and reports health.

`create_app()` is the factory gunicorn starts (see Procfile). Everything it needs comes
from `Settings`; tests pass their own settings, and may pass a ready Runtime.

Strangers learn little: on the public port `/readyz` and `/healthz` say only ready or not. The
details (errors, versions, dependencies) and `/metrics` answer only on the internal port
(MONSTERBOT_INTERNAL_PORT), which no public route reaches.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time
from functools import partial
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, request
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
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from monsterbot import logs
from monsterbot.config import Settings
from monsterbot.conversation import Answer, ChatKind, Conversation
from monsterbot.preferences import chat_key
from monsterbot.web import metrics
from monsterbot.web.asgi import LOOP_SAFE
from monsterbot.web.dedupe import EventLedger, RedisLedger, event_ledger
from monsterbot.web.dispatch import AWAIT_BEFORE_RESPONSE, SENDERS, Replier, ReplyDispatcher, Sending
from monsterbot.web.line_api import LineReplier
from monsterbot.web.payload import InvalidPayload, parse_events, without_self_mentions
from monsterbot.web.runtime import Runtime
from monsterbot.web.runtime import build as build_runtime

if TYPE_CHECKING:
    from monsterbot.store.query_log import QueryLog

log = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    runtime: Runtime | None = None,
    replier: Replier | None = None,
    ledger: EventLedger | None = None,
) -> Flask:
    """Build the webhook app; a missing LINE secret or token fails here, at start-up."""
    settings = settings or Settings.from_env()
    logs.configure(settings.log_format)
    runtime = runtime or build_runtime(settings)
    knowledge = runtime.knowledge
    metrics.export_knowledge(knowledge)
    replier = replier or LineReplier(settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout,
                                     SENDERS)
    dispatcher = ReplyDispatcher(replier, settings.line_timeout, drain_budget(settings.shutdown_grace))
    conversation = Conversation(knowledge, settings.default_game, settings.group_mode, runtime.preferences,
                                runtime.memory)
    ledger = ledger or event_ledger(settings.redis_url, settings.data_dir, settings.event_lease)
    handle = partial(_handle, conversation=conversation, dispatcher=dispatcher, ledger=ledger,
                     query_log=runtime.query_log, salt=settings.channel_secret)
    live = metrics.LiveState(lambda: knowledge.current.version if knowledge.ready else "none",
                             lambda: _dependencies(runtime, ledger))
    secret = settings.channel_secret.encode()

    app = Flask("monsterbot")
    app.extensions["monsterbot"] = {"runtime": runtime, "dispatcher": dispatcher}
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    # /callback runs on the asyncio worker's loop when it waits on no network call (its files are local); with Redis or
    # a database server on the request path it runs on the threads, where a slow store holds one request, not all
    app.config[LOOP_SAFE] = not settings.redis_url and not settings.remote_store

    @app.post("/callback")
    @metrics.WEBHOOK_SECONDS.time()
    def callback() -> tuple[str, int]:
        arrived = time.monotonic()
        body = _raw_body(settings.max_body_bytes)
        if not _signed(body, request.headers.get("X-Line-Signature", ""), secret):
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
        events = batch.events
        replies: list[Sending] = []
        busy = False
        claimed = ledger.claim([event.webhook_event_id for event in events])
        for event in events:
            if event.webhook_event_id in claimed:
                try:
                    reply = handle(event)
                    if reply is not None:
                        replies.append(reply)
                except ReplyQueueFull:
                    busy = True
                except Exception:  # noqa: BLE001 - one event's failure is logged; the batch and LINE get their 200
                    ledger.release(event.webhook_event_id)
                    metrics.EVENTS.labels("error").inc()
                    log.exception("could not answer an event", extra={"event": event.type})
            else:
                metrics.EVENTS.labels("duplicate").inc()
                log.info("skipped a redelivered event", extra={"event": event.type, "event_id": event.webhook_event_id})
        awaited = request.environ.get(AWAIT_BEFORE_RESPONSE)
        if awaited is None:
            dispatcher.settle(replies, arrived)
        elif replies:
            awaited.append(dispatcher.settle_async(replies, arrived))
        if busy:  # LINE redelivers a webhook it had no 2xx for; the events answered are skipped then (the ledger)
            metrics.WEBHOOK_REQUESTS.labels("busy").inc()
            return "busy: replies are queued to capacity", 503
        metrics.WEBHOOK_REQUESTS.labels("ok").inc()
        return "OK", 200

    def internal() -> bool:
        return _arrived_on(settings.internal_port)

    @app.get("/metrics")
    def metrics_page() -> Response | tuple[str, int]:
        if not internal():
            return "Not Found", 404
        body, content_type = metrics.render(settings.metrics_dir, live)
        return Response(body, content_type=content_type)

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> tuple[Response, int]:
        ready = runtime.ready()
        body: dict[str, object] = {"ready": ready}
        if internal():
            status = knowledge.status
            body |= {"last_reload_ok": status.ok, "dependencies": _dependencies(runtime, ledger)}
            if knowledge.ready:
                body |= {"version": knowledge.current.version, "monsters": len(knowledge.current.monsters)}
            if not status.ok:
                body |= {"last_reload_error": status.error[:2000], "reload_refused": status.refused}
        return jsonify(body), 200 if ready else 503

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        if exc.code == 413:
            metrics.WEBHOOK_REQUESTS.labels("too_large").inc()
        return exc.name, exc.code or 500

    return app


def _raw_body(limit: int) -> bytes:
    """The body's bytes as LINE sent them; 413 when it is over the limit, with a Content-Length or chunked."""
    body = request.get_data(cache=False)  # werkzeug answers 413 for a Content-Length over the limit
    if request.content_length is None and len(body) >= limit and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()  # a chunked body: werkzeug stops reading at the limit, without a word
    return body


def _signed(body: bytes, signature: str, secret: bytes) -> bool:
    """Whether X-Line-Signature is the base64 HMAC-SHA256 of the raw body bytes with the channel secret
    (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/): bytes, never decoded text."""
    expected = base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest())
    return bool(signature) and hmac.compare_digest(expected, signature.encode("ascii", "replace"))


def drain_budget(grace: float) -> float:
    """Seconds a stopping worker spends sending queued replies: the grace less 5 s for gunicorn's own stop."""
    return max(1.0, grace - 5.0)


def _arrived_on(port: int) -> bool:
    """Whether the request came in on `port`. SERVER_PORT is the listening socket's port (gunicorn's asyncio worker
    via a2wsgi, Werkzeug), never taken from a header: a Host header cannot reach the internal routes."""
    return request.environ.get("SERVER_PORT") == str(port)


def _dependencies(runtime: Runtime, ledger: EventLedger) -> dict[str, bool]:
    """Whether each dependency on the request path answers in time."""
    return runtime.dependencies() | ({"redis": ledger.healthy} if isinstance(ledger, RedisLedger) else {})


def _handle(event: Event, conversation: Conversation, dispatcher: ReplyDispatcher, ledger: EventLedger,
            query_log: QueryLog | None, salt: str) -> Sending | None:
    """Answer one event (its claim marked answered once the reply is with LINE); log the query.

    Returns the reply on its way to LINE, if one was queued; raises ReplyQueueFull when it could not be queued."""
    started = time.perf_counter()
    event_id = event.webhook_event_id
    answer = _answer(event, conversation, salt)
    if answer is None:
        ledger.answered(event_id)
        return None
    facts = {"event": event.type, "outcome": answer.outcome, "monster": answer.monster_id, "score": answer.score}
    token = getattr(event, "reply_token", None)
    if not (answer.messages and token):
        _count(event, answer, query_log)
        ledger.answered(event_id)
        log.info("answered", extra=facts | {"delivery": "none"})
        return None

    def delivered(result: str) -> None:
        metrics.LINE_REPLIES.labels(result).inc()
        took = {"delivery": result, "ms": round((time.perf_counter() - started) * 1000, 1)}
        if result in ("unreachable", "error", "unsent", "dropped"):  # LINE never had it: a redelivery may answer
            ledger.release(event_id)
            log.warning("reply not sent", extra=facts | took | {"event_id": event_id})
        else:
            ledger.answered(event_id)
            log.info("answered", extra=facts | took)

    reply = dispatcher.send(token, answer.messages, delivered)
    if reply is None:
        delivered("dropped")
        raise ReplyQueueFull(event_id)  # counted and logged when its redelivery is answered
    _count(event, answer, query_log)
    return reply


def _count(event: Event, answer: Answer, query_log: QueryLog | None) -> None:
    """The answer in the metrics and the query log (once per event: not for a reply LINE will have to redeliver)."""
    metrics.EVENTS.labels(answer.outcome).inc()
    if query_log is not None and answer.query:
        from monsterbot.store.query_log import Entry

        chat = event.source.type if event.source else "user"
        query_log.record(Entry(answer.query[:200], answer.outcome, answer.monster_id, answer.score, chat, answer.language))


class ReplyQueueFull(Exception):
    """The worker holds as many replies as it can send within its drain budget: this event's claim was released, so
    LINE's redelivery of the webhook (after a non-2xx) answers it."""


def _answer(event: Event, conversation: Conversation, salt: str) -> Answer | None:
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
    if isinstance(event, (JoinEvent, MemberJoinedEvent)):
        return conversation.welcome_group()
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
