"""The webhook: a Flask app that checks LINE's signature, answers events and reports health.

`create_app()` is the factory gunicorn starts (see Procfile). Everything it needs comes
from `Settings`; tests pass their own settings, and may pass a ready Runtime.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, request
from linebot.v3.webhook import SignatureValidator
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    GroupSource,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    StickerMessageContent,
    TextMessageContent,
)
from werkzeug.exceptions import HTTPException

from monsterbot import logs
from monsterbot.config import Settings
from monsterbot.conversation import Answer, ChatKind, Conversation
from monsterbot.preferences import chat_key
from monsterbot.web import metrics
from monsterbot.web.dedupe import SeenEvents, seen_events
from monsterbot.web.dispatch import Replier, ReplyDispatcher
from monsterbot.web.line_api import LineReplier
from monsterbot.web.payload import InvalidPayload, parse_events
from monsterbot.web.runtime import Runtime
from monsterbot.web.runtime import build as build_runtime

if TYPE_CHECKING:
    from monsterbot.store.query_log import QueryLog

log = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    runtime: Runtime | None = None,
    replier: Replier | None = None,
    seen: SeenEvents | None = None,
) -> Flask:
    """Build the webhook app; a missing LINE secret or token fails here, at start-up."""
    settings = settings or Settings.from_env()
    logs.configure(settings.log_format)
    runtime = runtime or build_runtime(settings)
    knowledge = runtime.knowledge
    metrics.export_knowledge(knowledge)
    replier = replier or LineReplier(settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout)
    dispatcher = ReplyDispatcher(replier)
    conversation = Conversation(knowledge, settings.default_game, settings.group_mode, runtime.preferences)
    seen = seen or seen_events(settings.redis_url)
    handle = partial(_handle, conversation=conversation, dispatcher=dispatcher, query_log=runtime.query_log,
                     salt=settings.channel_secret)
    validator = SignatureValidator(settings.channel_secret)

    app = Flask("monsterbot")
    app.extensions["monsterbot"] = {"runtime": runtime, "dispatcher": dispatcher}
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes

    @app.post("/callback")
    @metrics.WEBHOOK_SECONDS.time()
    def callback() -> tuple[str, int]:
        signature = request.headers.get("X-Line-Signature", "")
        body = request.get_data(as_text=True)
        if not signature or not validator.validate(body, signature):
            log.info("webhook rejected: missing or invalid signature")
            metrics.WEBHOOK_REQUESTS.labels("invalid_signature").inc()
            return "invalid signature", 400
        try:
            events = parse_events(body)
        except InvalidPayload as exc:
            log.info("webhook rejected: %s", exc)
            metrics.WEBHOOK_REQUESTS.labels("invalid_payload").inc()
            return "invalid payload", 400
        for event in events:
            if seen.first_time(event.webhook_event_id):
                try:
                    handle(event)
                except Exception:  # noqa: BLE001 - one event's failure is logged; the batch and LINE get their 200
                    metrics.EVENTS.labels("error").inc()
                    log.exception("could not answer an event", extra={"event": event.type})
            else:
                metrics.EVENTS.labels("duplicate").inc()
                log.info("skipped a redelivered event", extra={"event": event.type, "event_id": event.webhook_event_id})
        metrics.WEBHOOK_REQUESTS.labels("ok").inc()
        return "OK", 200

    @app.get("/metrics")
    def metrics_page() -> Response:
        body, content_type = metrics.render(settings.metrics_dir)
        return Response(body, content_type=content_type)

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> tuple[Response, int]:
        status = knowledge.status
        ready = runtime.ready()
        body: dict[str, object] = {"ready": ready, "last_reload_ok": status.ok}
        if knowledge.ready:
            body |= {"version": knowledge.current.version, "monsters": len(knowledge.current.monsters)}
        if not status.ok:
            body["last_reload_error"] = status.error[:500]
        return jsonify(body), 200 if ready else 503

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        if exc.code == 413:
            metrics.WEBHOOK_REQUESTS.labels("too_large").inc()
        return exc.name, exc.code or 500

    return app


def _handle(
    event: Event, conversation: Conversation, dispatcher: ReplyDispatcher, query_log: QueryLog | None, salt: str
) -> None:
    """Answer one event; log the query; failures are logged so one bad event never fails the batch."""
    started = time.perf_counter()
    answer = _answer(event, conversation, salt)
    if answer is None:
        return
    if query_log is not None and answer.query:
        from monsterbot.store.query_log import Entry

        chat = event.source.type if event.source else "user"
        query_log.record(Entry(answer.query[:200], answer.outcome, answer.monster_id, answer.score, chat, answer.language))
    metrics.EVENTS.labels(answer.outcome).inc()
    facts = {"event": event.type, "outcome": answer.outcome, "monster": answer.monster_id, "score": answer.score}
    token = getattr(event, "reply_token", None)
    if not (answer.messages and token):
        log.info("answered", extra=facts | {"delivery": "none"})
        return

    def delivered(result: str) -> None:
        metrics.LINE_REPLIES.labels(result).inc()
        log.info("answered", extra=facts | {"delivery": result, "ms": round((time.perf_counter() - started) * 1000, 1)})

    dispatcher.send(token, answer.messages, delivered)


def _answer(event: Event, conversation: Conversation, salt: str) -> Answer | None:
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        chat, key = _chat_of(event, salt)
        text, mentioned = _without_self_mention(event.message)
        return conversation.reply_to_text(text, chat, mentioned, key)
    if isinstance(event, MessageEvent) and isinstance(event.message, StickerMessageContent):
        chat, _ = _chat_of(event, salt)
        return conversation.reply_to_sticker(event.message.text or "", event.message.keywords or [], chat)
    if isinstance(event, PostbackEvent):
        return conversation.reply_to_postback(event.postback.data)
    if isinstance(event, FollowEvent):
        return conversation.greet()
    return None


def _chat_of(event: MessageEvent, salt: str) -> tuple[ChatKind, str]:
    """The kind of chat and a salted key of a group or room (never the raw LINE id)."""
    source = event.source
    if isinstance(source, GroupSource):
        return ChatKind.GROUP, chat_key(source.group_id, salt)
    if isinstance(source, RoomSource):
        return ChatKind.ROOM, chat_key(source.room_id, salt)
    return ChatKind.USER, ""


def _without_self_mention(message: TextMessageContent) -> tuple[str, bool]:
    """The text with mentions of this bot cut out, and whether the bot was mentioned."""
    mentionees = message.mention.mentionees if message.mention else []
    own = [m for m in mentionees if getattr(m, "is_self", False)]
    text = message.text
    for mentionee in sorted(own, key=lambda m: m.index, reverse=True):
        text = text[: mentionee.index] + text[mentionee.index + mentionee.length :]
    return text, bool(own)
