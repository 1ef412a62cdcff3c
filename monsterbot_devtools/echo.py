"""The anchor of the webhook benchmarks: line-bot-sdk's own Flask echo example, as its README documents it.

WebhookHandler checks the signature and parses the events; each text message is echoed with
`MessagingApi.reply_message_with_http_info` on a new `ApiClient`, as in the example. It runs under the same
gunicorn settings and against the same Messaging API stand-in as monsterbot (LINE_API_ENDPOINT).
"""

import os

from flask import Flask, abort, request
from linebot.v3 import WebhookHandler
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, ReplyMessageRequest, TextMessage
from linebot.v3.webhooks import MessageEvent, TextMessageContent

app = Flask(__name__)
configuration = Configuration(
    access_token=os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
    host=os.environ.get("LINE_API_ENDPOINT", "https://api.line.me"),
)
handler = WebhookHandler(os.environ["LINE_CHANNEL_SECRET"])


@app.route("/callback", methods=["POST"])
def callback() -> str:
    signature = request.headers["X-Line-Signature"]
    body = request.get_data(as_text=True)
    try:
        handler.handle(body, signature)
    except InvalidSignatureError:
        abort(400)
    return "OK"


@handler.add(MessageEvent, message=TextMessageContent)
def handle_message(event: MessageEvent) -> None:
    with ApiClient(configuration) as api_client:
        line_bot_api = MessagingApi(api_client)
        line_bot_api.reply_message_with_http_info(
            ReplyMessageRequest(reply_token=event.reply_token, messages=[TextMessage(text=event.message.text)])
        )


@app.get("/readyz")
def readyz() -> str:
    return "ok"
