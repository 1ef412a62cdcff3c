"""The webhook process's Flask app: LINE's webhook (`web/webhook.py`, also offered to the event loop), health and
metrics.

`create_app()` is the factory gunicorn starts (see Procfile). Everything it needs comes
from `Settings`; tests pass their own settings, and may pass a ready Runtime.

Strangers learn little: on the public port `/readyz` and `/healthz` say only ready or not. The
details (errors, versions, dependencies) and `/metrics` answer only on the internal port
(MONSTERBOT_INTERNAL_PORT), which no public route reaches.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from monsterbot import logs
from monsterbot.config import Settings
from monsterbot.conversation import Conversation
from monsterbot.web import metrics
from monsterbot.web.dedupe import EventLedger, RedisLedger, event_ledger
from monsterbot.web.dispatch import SENDERS, Replier, ReplyDispatcher
from monsterbot.web.line_api import LineReplier
from monsterbot.web.runtime import Preloaded, Runtime
from monsterbot.web.runtime import build as build_runtime
from monsterbot.web.webhook import Webhook

REPLAY_SECONDS = 1.0  # how often each worker looks for replies a stopped worker owes


def create_app(
    settings: Settings | None = None,
    runtime: Runtime | None = None,
    replier: Replier | None = None,
    ledger: EventLedger | None = None,
    preloaded: Preloaded | None = None,
) -> Flask:
    """Build the webhook app (in a gunicorn worker, from what the master `preloaded`); a missing LINE secret or token
    fails here, at start-up."""
    settings = settings or Settings.from_env()
    logs.configure(settings.log_format)
    runtime = runtime or build_runtime(settings, preloaded=preloaded)
    knowledge = runtime.knowledge
    metrics.export_knowledge(knowledge)
    replier = replier or LineReplier(
        settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout, SENDERS
    )
    # the webhook runs on the asyncio worker's loop (`loop_webhook`, monsterbot/web/asgi.py) when it waits on no
    # network call (its files are local); with Redis or a database server on the request path it runs on the threads,
    # through the route below, where a slow store holds one request, not all; so does recording a reply's result
    loop_safe = not settings.redis_url and not settings.remote_store
    dispatcher = ReplyDispatcher(
        replier,
        settings.line_timeout,
        drain_budget(settings.shutdown_grace),
        blocking_done=not loop_safe,
        hold=settings.reply_hold,
    )
    conversation = Conversation(
        knowledge, settings.default_game, settings.group_mode, runtime.preferences, runtime.memory
    )
    ledger = ledger or event_ledger(
        settings.redis_url, settings.data_dir, settings.event_lease, send_lease=settings.line_timeout + 1.0
    )  # a send in flight has ended by then
    webhook = Webhook(conversation, dispatcher, ledger, runtime.query_log, settings.channel_secret)
    dispatcher.every(REPLAY_SECONDS, webhook.replay_owed)  # the replies a stopped worker owes, from each worker
    live = metrics.LiveState(
        lambda: knowledge.current.version if knowledge.ready else "none", lambda: _dependencies(runtime, ledger)
    )

    app = Flask("monsterbot")
    app.extensions["monsterbot"] = {
        "runtime": runtime,
        "dispatcher": dispatcher,
        "webhook": webhook,
        "loop_webhook": webhook.answer_on_loop if loop_safe else None,
    }
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes

    @app.post("/callback")
    def callback() -> Response:
        arrived = request.environ.get("asgi.scope", {}).get("monsterbot.arrived")  # read whole, then a thread waited
        text, status = webhook.answer(
            _raw_body(settings.max_body_bytes),
            request.headers.get("X-Line-Signature", ""),
            arrived,
            request.headers.get("X-Request-Id", ""),
        )
        return Response(text, status, mimetype="text/plain")  # as the loop answers it

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


def close_app(app: Flask) -> None:
    """Stop what `create_app` started, for a process that goes on (Flask's development server's reloads, tests): the
    replies still queued are sent within the drain budget, LINE's connections closed, the event ledger's files and the
    runtime's threads and chat memory closed. A gunicorn worker's lifespan shutdown drains the replies only
    (gunicorn_conf.post_worker_init): its files, each transaction already committed, close as its process ends."""
    parts = app.extensions["monsterbot"]
    parts["dispatcher"].shutdown()
    parts["webhook"].ledger.close()
    parts["runtime"].close()


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
