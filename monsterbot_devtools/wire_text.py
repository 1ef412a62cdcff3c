"""LINE messages as received (by the local Messaging API stand-in of `monsterbot serve`) shown as plain text.

The bot's own answers are shown from their content (monsterbot/replies/plain.py); this reads only what LINE got.
"""

from __future__ import annotations

from typing import Any

from monsterbot.replies.wire import Wire


def wire_text(message: Wire) -> str:
    """A Flex card as its lines of text, a text message as itself; quick replies as [buttons]."""
    data = message.data
    if data["type"] == "flex":
        lines = _flex_lines(data["contents"])
    else:
        lines = [data.get("text", f"<{data['type']} message>")]
    items = (data.get("quickReply") or {}).get("items", [])
    if items:
        lines.append("  ".join(f"[{item['action']['label']}]" for item in items))
    return "\n".join(lines)


def _flex_lines(node: dict[str, Any]) -> list[str]:
    kind = node.get("type")
    if kind == "bubble":
        return [line for part in ("header", "body", "footer") if part in node for line in _flex_lines(node[part])]
    if kind == "carousel":
        return [line for bubble in node["contents"] for line in _flex_lines(bubble) + [""]]
    if kind == "box":
        children = [_flex_lines(child) for child in node["contents"]]
        if node.get("layout") == "horizontal":
            return ["  ".join(" ".join(c) for c in children if c)]
        return [line for child in children for line in child]
    if kind == "text":
        return [node["text"]]
    if kind == "separator":
        return ["─" * 24]
    return []
