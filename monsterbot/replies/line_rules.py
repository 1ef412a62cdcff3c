"""LINE's rules for a reply request, beyond the shape in its OpenAPI spec: one home for them.

The replies are built to fit these limits (the card builders read the constants), the stand-in
Messaging API (devtools/line_standin.py) answers 400 with LINE's error body when a request breaks
one, and the every-reply test checks each reply the bot can send with `request_errors`.
Where LINE's documentation leaves a measure open, the stricter reading is taken, so that what
passes here passes at LINE.

Sources (LINE Developers, Messaging API reference and docs):
- REF = https://developers.line.biz/en/reference/messaging-api/
- COUNT = https://developers.line.biz/en/docs/messaging-api/text-character-count/
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

#: REF#send-reply-message: "messages: Messages to send. Max: 5".
MAX_MESSAGES = 5
#: REF#text-message: "text: Message text ... Max character limit: 5000"; counted in UTF-16 code units (COUNT).
TEXT_MAX = 5000
#: REF#flex-message: "altText: Alternative text ... Max character limit: 1500" (UTF-16 code units, COUNT).
ALT_TEXT_MAX = 1500
#: REF#bubble: "The maximum size of JSON data that defines a bubble is 30 KB." Read strictly: 30,000 bytes
#: of the JSON as the bot sends it (line-bot-sdk's `json.dumps`, non-ASCII escaped as \\uXXXX).
BUBBLE_MAX_BYTES = 30_000
#: REF#f-carousel: "contents: (Max: 12 bubbles)" and "The maximum size of JSON data that defines a
#: carousel is 50 KB." (50,000 bytes, measured as for a bubble).
CAROUSEL_MAX_BUBBLES = 12
CAROUSEL_MAX_BYTES = 50_000
#: REF#items-object (quick reply): "items: Quick reply button objects. Max: 13 objects".
QUICK_REPLY_MAX_ITEMS = 13
#: REF#items-object / REF#postback-action: a quick-reply button's "label: Max character limit: 20".
#: LINE counts labels in grapheme clusters (COUNT); counting code points here is never more lenient.
LABEL_MAX = 20
#: REF#postback-action: "data: String returned via webhook ... Max character limit: 300";
#: "displayText: Max character limit: 300", "Required for quick reply buttons".
POSTBACK_DATA_MAX = 300
DISPLAY_TEXT_MAX = 300

Detail = dict[str, str]


def utf16_length(text: str) -> int:
    """Characters as LINE counts them: UTF-16 code units (COUNT: 🍎 is 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def json_size(value: Any) -> int:
    """Bytes of a Flex container's JSON as line-bot-sdk sends it (the size LINE limits)."""
    return len(json.dumps(value).encode())


def request_errors(body: Any) -> tuple[str, list[Detail]]:
    """("", []) for a reply request LINE accepts, else LINE's error message and its details."""
    if not isinstance(body, Mapping):
        return "The request body has 1 error(s)", [{"message": "must be an object", "property": ""}]
    problems: list[Detail] = []
    if not isinstance(body.get("replyToken"), str) or not body["replyToken"]:
        problems.append({"message": "must be specified", "property": "replyToken"})
    messages = body.get("messages")
    if not isinstance(messages, list) or not 1 <= len(messages) <= MAX_MESSAGES:
        problems.append({"message": f"size must be between 1 and {MAX_MESSAGES}", "property": "messages"})
    if problems:
        return f"The request body has {len(problems)} error(s)", problems
    assert isinstance(messages, list)
    for index, message in enumerate(messages):
        details = message_errors(message)
        if details:
            return f"A message (messages[{index}]) in the request body is invalid", details
    return "", []


def message_errors(message: Any) -> list[Detail]:
    """What LINE would refuse in one message object; paths are relative to the message, as LINE gives them."""
    if not isinstance(message, Mapping):
        return [{"message": "must be an object", "property": "/"}]
    found = list(_message_errors(message))
    quick = message.get("quickReply")
    if quick is not None:
        found += _quick_reply_errors(quick)
    found += _walk_errors(message)
    return found


def _message_errors(message: Mapping[str, Any]) -> Iterator[Detail]:
    kind = message.get("type")
    if kind == "text":
        yield from _length("text", message.get("text"), TEXT_MAX)
    elif kind == "flex":
        yield from _length("altText", message.get("altText"), ALT_TEXT_MAX)
        yield from _container_errors(message.get("contents"))


def _length(name: str, value: Any, limit: int) -> Iterator[Detail]:
    if not isinstance(value, str) or not value:
        yield {"message": "must be non-empty text", "property": f"/{name}"}
    elif utf16_length(value) > limit:
        yield {"message": f"length must be between 1 and {limit}", "property": f"/{name}"}


def _container_errors(contents: Any) -> Iterator[Detail]:
    if not isinstance(contents, Mapping):
        yield {"message": "must be a bubble or a carousel", "property": "/contents"}
        return
    if contents.get("type") == "carousel":
        bubbles = contents.get("contents")
        if not isinstance(bubbles, list) or not 1 <= len(bubbles) <= CAROUSEL_MAX_BUBBLES:
            yield {"message": f"size must be between 1 and {CAROUSEL_MAX_BUBBLES}", "property": "/contents/contents"}
        elif json_size(contents) > CAROUSEL_MAX_BYTES:
            yield {"message": f"size of carousel must be at most {CAROUSEL_MAX_BYTES} bytes", "property": "/contents"}
        for index, bubble in enumerate(bubbles if isinstance(bubbles, list) else []):
            yield from _bubble_errors(bubble, f"/contents/contents/{index}")
    else:
        yield from _bubble_errors(contents, "/contents")


def _bubble_errors(bubble: Any, path: str) -> Iterator[Detail]:
    if json_size(bubble) > BUBBLE_MAX_BYTES:
        yield {"message": f"size of bubble must be at most {BUBBLE_MAX_BYTES} bytes", "property": path}


def _quick_reply_errors(quick: Any) -> list[Detail]:
    items = quick.get("items") if isinstance(quick, Mapping) else None
    if not isinstance(items, list) or not 1 <= len(items) <= QUICK_REPLY_MAX_ITEMS:
        return [{"message": f"size must be between 1 and {QUICK_REPLY_MAX_ITEMS}", "property": "/quickReply/items"}]
    found: list[Detail] = []
    for index, item in enumerate(items):
        action = item.get("action") if isinstance(item, Mapping) else None
        path = f"/quickReply/items/{index}/action"
        if not isinstance(action, Mapping):
            found.append({"message": "must be specified", "property": path})
            continue
        label = action.get("label")
        if not isinstance(label, str) or not label or len(label) > LABEL_MAX:
            found.append({"message": f"length must be between 1 and {LABEL_MAX}", "property": f"{path}/label"})
        if action.get("type") == "postback" and not action.get("displayText") and not action.get("text"):
            found.append({"message": "must be specified for a quick reply button", "property": f"{path}/displayText"})
    return found


def _walk_errors(message: Mapping[str, Any]) -> list[Detail]:
    """Rules on objects anywhere in a message, in one pass (paths are only spelled out for a problem).

    - Flex text components need text: LINE answers 400 "must be non-empty text" for "" (observed:
      https://github.com/cofacts/rumors-line-bot/issues/212; REF#f-text: text is required unless `contents`
      spans are set). A blank text (only spaces) is refused here too: never more lenient than LINE.
    - Postback actions (quick reply, Flex buttons): REF#postback-action data ≤ 300, displayText 1–300.
    """
    found: list[Detail] = []
    path: list[str] = []

    def where(*last: str) -> str:
        return "/" + "/".join([*path, *last])

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            kind = node.get("type")
            if kind == "text" and not node.get("contents"):
                text = node.get("text")
                if path and (not isinstance(text, str) or not text.strip()):  # a Flex text, not the text message
                    found.append({"message": "must be non-empty text", "property": where("text")})
            elif kind == "postback":
                data, shown = node.get("data"), node.get("displayText")
                if not isinstance(data, str) or utf16_length(data) > POSTBACK_DATA_MAX:
                    found.append(
                        {"message": f"length must be between 0 and {POSTBACK_DATA_MAX}", "property": where("data")}
                    )
                if shown is not None and (not isinstance(shown, str) or not shown or len(shown) > DISPLAY_TEXT_MAX):
                    found.append(
                        {
                            "message": f"length must be between 1 and {DISPLAY_TEXT_MAX}",
                            "property": where("displayText"),
                        }
                    )
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    path.append(key)
                    visit(value)
                    path.pop()
        elif isinstance(node, list):
            for index, value in enumerate(node):
                path.append(str(index))
                visit(value)
                path.pop()

    visit(message)
    return found
