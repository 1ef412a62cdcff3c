"""Talking to the bot in a terminal: `chat` (a conversation) and `ask` (answers to queries, as text or JSON)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Collection, Iterable, TextIO

from monsterbot.cli.common import KNOWLEDGE_HELP, knowledge_for, reading_settings
from monsterbot.conversation import ChatKind, Conversation, Reply
from monsterbot.core.answer import DATA_FIELDS
from monsterbot.replies import plain

TITLE = "talk to the bot"


def register(sub: Any) -> None:
    """The parsers of this group's commands."""
    chat = sub.add_parser("chat", help="talk to the bot in the terminal, no LINE account needed")
    chat.add_argument(
        "--chat",
        choices=[c.value for c in ChatKind],
        default="user",
        help="pretend to be in this kind of chat (a group: answered as groups are; @ mentions the bot)",
    )
    chat.add_argument("--knowledge", type=Path, nargs="*", help=KNOWLEDGE_HELP)
    chat.set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", help="print the bot's answer to each query (or each stdin line)")
    ask.add_argument("query", nargs="*")
    ask.add_argument("--json", action="store_true", help="one JSON object per query")
    ask.add_argument(
        "--fields",
        type=_fields,
        default=(),
        help=f"with --json, only these fields (comma-separated: {', '.join(DATA_FIELDS)})",
    )
    ask.add_argument("--eval", type=Path, help="score a labelled TSV set: precision, recall, misses by class")
    ask.add_argument("--knowledge", type=Path, nargs="*", help=KNOWLEDGE_HELP)
    ask.set_defaults(func=cmd_ask)


#: "/2" presses the second button under the last reply; "@" (or "@monsterbot ") before a message mentions the bot.
PRESS = re.compile(r"/(\d{1,2})")
MENTION = re.compile(r"@(?:\S*\s+)?")
CHAT_KEY = "terminal"


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation in the terminal, replies shown as a person reads them, their buttons pressable."""
    settings = reading_settings(args.knowledge)
    conversation = Conversation(knowledge_for(settings), settings.default_game)
    chat = ChatKind(args.chat)
    print(
        f"monsterbot chat ({chat.value} chat): type a monster's name; /N presses button N of the last reply; "
        "@ before a message mentions the bot. Ctrl-D to quit.",
        file=sys.stderr,
    )
    buttons: list[dict[str, Any]] = []
    for line in _lines(sys.stdin, prompt=sys.stdin.isatty()):
        reply = said(conversation, line, chat, buttons)
        if reply is None:
            print(f"(no button {line.strip()}: the last reply has {len(buttons)})")
        else:
            print(_shown(reply, numbered=True) or "(silent)")
            buttons = _buttons(reply) or buttons  # a silent answer leaves the last reply's buttons
        print()
    return 0


def said(conversation: Conversation, line: str, chat: ChatKind, buttons: list[dict[str, Any]]) -> Reply | None:
    """What the bot answers to a line typed, or to a button pressed ("/N", as LINE sends a press: a postback's data,
    or a message action's text typed for the player); None for a button the last reply does not have."""
    pressed = PRESS.fullmatch(line.strip())
    if pressed is not None:
        number = int(pressed.group(1))
        if not 1 <= number <= len(buttons):
            return None
        action = buttons[number - 1]["action"]
        if action["type"] == "postback":
            return conversation.reply_to_postback(action["data"], CHAT_KEY)
        return conversation.reply_to_text(action["text"], chat, chat_key=CHAT_KEY)
    mention = MENTION.match(line)
    text = line[mention.end() :] if mention else line
    return conversation.reply_to_text(text, chat, mention is not None, CHAT_KEY)


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer queries from the arguments, or one per line from stdin."""
    settings = reading_settings(args.knowledge)
    knowledge = knowledge_for(settings)
    if args.eval:
        from monsterbot.cli.played import played_report
        from monsterbot.core.matching.evaluation import report_file

        try:
            print(report_file(args.eval, knowledge.current.matcher))
            print("\nas the bot answers each row in a one-to-one chat (every handler, in order):")
            print(played_report(args.eval, knowledge, settings.default_game))
        except (OSError, ValueError) as problem:
            print(f"monsterbot ask --eval: {problem}", file=sys.stderr)
            return 2
        return 0
    conversation = Conversation(knowledge, settings.default_game)
    queries: Iterable[str] = args.query or _lines(sys.stdin, prompt=False)
    if args.json:
        ask_json(conversation, queries, sys.stdout, args.fields)
        return 0
    for query in queries:
        print(f"> {query}")
        print(_shown(conversation.reply_to_text(query)))
        print(flush=True)
    return 0


def ask_json(conversation: Conversation, queries: Iterable[str], out: TextIO, only: Collection[str] = ()) -> None:
    """One JSON line per query, flushed (a program may wait for each answer): the answer's content (`only` those
    fields), with no LINE message built."""
    for query in queries:
        answer, snapshot = conversation.answer_text(query)
        out.write(json.dumps({"query": query} | answer.to_data(snapshot, only), ensure_ascii=False) + "\n")
        out.flush()


def _fields(text: str) -> tuple[str, ...]:
    asked = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = [f for f in asked if f not in DATA_FIELDS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown field {', '.join(unknown)} (known: {', '.join(DATA_FIELDS)})")
    return asked


def _buttons(reply: Reply) -> list[dict[str, Any]]:
    """The quick-reply buttons under a reply's messages, in order (what a press sends is in their actions)."""
    return [item for m in reply.messages for item in (m.data.get("quickReply") or {}).get("items", [])]


def _shown(reply: Reply, numbered: bool = False) -> str:
    """A reply as a person reads it: its content as text, then the buttons under it (numbered: as `/N` presses it)."""
    labels = [f"{f'/{n} ' if numbered else ''}[{item['action']['label']}]" for n, item in enumerate(_buttons(reply), 1)]
    return "\n".join([plain.render(reply), *(["  ".join(labels)] if labels else [])]).strip()


def _lines(stream: TextIO, prompt: bool) -> Iterable[str]:
    while True:
        if prompt:
            print("you> ", end="", file=sys.stderr, flush=True)
        line = stream.readline()
        if not line:
            return
        if line.strip():
            yield line.rstrip("\n")
