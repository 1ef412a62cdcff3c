"""A floor of the webhook benchmarks: line-bot-sdk's echo bot answered on the event loop with the SDK's asyncio
client, as monsterbot answers (monsterbot/web/asgi.py): the SDK's own work for a webhook that replies.

`WebhookParser` checks the signature and builds the events' models; each text message is echoed with
`AsyncMessagingApi.reply_message` on one `AsyncApiClient` per worker, made on its loop. The Flask app serves
`/readyz`; the loop answers `/callback` before a thread would.
"""

from __future__ import annotations

import os

from flask import Flask
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration, ReplyMessageRequest, TextMessage
from linebot.v3.webhooks import MessageEvent, TextMessageContent

configuration = Configuration(
    access_token=os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
    host=os.environ.get("LINE_API_ENDPOINT", "https://api.line.me"),
)
parser = WebhookParser(os.environ["LINE_CHANNEL_SECRET"])
_api: list[AsyncMessagingApi] = []  # one per worker, made on its loop by the first webhook


async def callback(body: bytes, signature: str, request_id: str) -> tuple[str, int]:  # asgi.LoopWebhook
    try:
        events = parser.parse(body.decode(), signature)
    except InvalidSignatureError:
        return "invalid signature", 400
    if not _api:
        _api.append(AsyncMessagingApi(AsyncApiClient(configuration)))
    for event in events:
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            await _api[0].reply_message(
                ReplyMessageRequest(reply_token=event.reply_token, messages=[TextMessage(text=event.message.text)])
            )
    return "OK", 200


app = Flask(__name__)
app.extensions["monsterbot"] = {"loop_webhook": callback}  # answered on the loop (gunicorn_conf.post_worker_init)


@app.get("/readyz")
def readyz() -> str:
    return "ok"
