"""The webhook: a Flask app that checks LINE's signature, answers events and reports health.

`create_app()` is the factory gunicorn starts (see Procfile). Everything it needs comes
from `Settings`; tests pass their own settings, and may pass a ready LiveKnowledge.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol, Sequence

from flask import Flask, Response, jsonify, request
from linebot.v3.messaging import Message
from linebot.v3.webhook import SignatureValidator
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
)
from werkzeug.exceptions import HTTPException

from monsterbot import logs, metrics
from monsterbot.config import Settings
from monsterbot.conversation import Answer, ChatKind, Conversation
from monsterbot.dedupe import SeenEvents, seen_events
from monsterbot.knowledge.base import LiveKnowledge, Reloader
from monsterbot.knowledge.yaml_source import YamlSource
from monsterbot.line_api import LineReplier
from monsterbot.webhook_payload import InvalidPayload, parse_events

log = logging.getLogger(__name__)


class Replier(Protocol):
    """Sends reply messages for a reply token (LineReplier in production)."""

    def reply(self, reply_token: str, messages: Sequence[Message]) -> str: ...


def create_app(
    settings: Settings | None = None,
    knowledge: LiveKnowledge | None = None,
    replier: Replier | None = None,
    seen: SeenEvents | None = None,
) -> Flask:
    """Build the webhook app; a missing LINE secret or token fails here, at start-up."""
    settings = settings or Settings.from_env()
    logs.configure(settings.log_format)
    if knowledge is None:
        source = YamlSource(settings.knowledge_paths)
        knowledge = LiveKnowledge(source.load)
        knowledge.listeners.append(lambda: _export_knowledge(knowledge))
        knowledge.reload()
        if settings.reload_interval > 0:
            Reloader(knowledge, source.fingerprint, settings.reload_interval).start()
    _export_knowledge(knowledge)
    replier = replier or LineReplier(settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout)
    conversation = Conversation(knowledge, settings.default_game, settings.group_mode)
    seen = seen or seen_events(settings.redis_url)
    validator = SignatureValidator(settings.channel_secret)

    app = Flask("monsterbot")
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
                _handle(event, conversation, replier)
            else:
                metrics.EVENTS.labels("duplicate").inc()
                log.info("skipped a redelivered event", extra={"event": event.type, "event_id": event.webhook_event_id})
        metrics.WEBHOOK_REQUESTS.labels("ok").inc()
        return "OK", 200

    @app.get("/metrics")
    def metrics_page() -> Response:
        body, content_type = metrics.render()
        return Response(body, content_type=content_type)

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> tuple[Response, int]:
        status = knowledge.status
        body = {"ready": knowledge.ready, "last_reload_ok": status.ok}
        if knowledge.ready:
            body |= {"version": knowledge.current.version, "monsters": len(knowledge.current.monsters)}
        if not status.ok:
            body["last_reload_error"] = status.error[:500]
        return jsonify(body), 200 if knowledge.ready else 503

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        if exc.code == 413:
            metrics.WEBHOOK_REQUESTS.labels("too_large").inc()
        return exc.name, exc.code or 500

    return app


def _handle(event: Event, conversation: Conversation, replier: Replier) -> None:
    """Answer one event; failures are logged so one bad event never fails the batch."""
    started = time.perf_counter()
    answer = _answer(event, conversation)
    if answer is None:
        return
    delivery = "none"
    token = getattr(event, "reply_token", None)
    if answer.messages and token:
        delivery = replier.reply(token, answer.messages)
        metrics.LINE_REPLIES.labels(delivery).inc()
    metrics.EVENTS.labels(answer.outcome).inc()
    log.info(
        "answered",
        extra={
            "event": event.type,
            "outcome": answer.outcome,
            "monster": answer.monster_id,
            "score": answer.score,
            "delivery": delivery,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )


def _export_knowledge(knowledge: LiveKnowledge) -> None:
    """Set the knowledge gauges from the live snapshot (after each reload, in each worker)."""
    metrics.KNOWLEDGE_RELOAD_OK.set(1 if knowledge.status.ok else 0)
    if knowledge.ready:
        snapshot = knowledge.current
        metrics.KNOWLEDGE_MONSTERS.set(len(snapshot.monsters))
        metrics.KNOWLEDGE_VERSION.clear()
        metrics.KNOWLEDGE_VERSION.labels(snapshot.version).set(1)


def _answer(event: Event, conversation: Conversation) -> Answer | None:
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        chat = ChatKind(event.source.type) if event.source and event.source.type in ChatKind._value2member_map_ else ChatKind.USER
        text, mentioned = _without_self_mention(event.message)
        return conversation.reply_to_text(text, chat, mentioned)
    if isinstance(event, PostbackEvent):
        return conversation.reply_to_postback(event.postback.data)
    if isinstance(event, FollowEvent):
        return conversation.greet()
    return None


def _without_self_mention(message: TextMessageContent) -> tuple[str, bool]:
    """The text with mentions of this bot cut out, and whether the bot was mentioned."""
    mentionees = message.mention.mentionees if message.mention else []
    own = [m for m in mentionees if getattr(m, "is_self", False)]
    text = message.text
    for mentionee in sorted(own, key=lambda m: m.index, reverse=True):
        text = text[: mentionee.index] + text[mentionee.index + mentionee.length :]
    return text, bool(own)
