"""LINE's rules beyond its OpenAPI spec: every reply the bot can send is one LINE accepts,
and the rules themselves (replies/line_rules.py, also the stand-in's) catch what LINE refuses."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import replace
from typing import Any, Iterator, Mapping

import pytest
from linebot.v3.messaging import Message

from monsterbot.conversation import ChatKind, Conversation
from monsterbot.core.model import AILMENTS, ELEMENTS, GAMES, LANGUAGES, Monster
from monsterbot.core.ranking import PAGE_SIZE, page, weakest_to
from monsterbot.replies import line_rules, messages, reverse, tables
from monsterbot.replies.card import weakness_card
from monsterbot.replies.labels import part_name
from monsterbot.replies.wire import Wire, to_data
from tests.conftest import TOKEN, message_texts


def _body(*wire: Mapping[str, Any], token: str = "t") -> dict[str, Any]:
    return {"replyToken": token, "messages": list(wire)}


def _facts_variants(monster: Monster) -> dict[int, str | None]:
    """One game asked per distinct set of facts the monster's replies are built from (plus "none asked")."""
    variants: dict[int, str | None] = {}
    for game in (*GAMES, None):
        variants.setdefault(id(monster.facts(game)), game)
    return variants


def every_reply(conversation: Conversation) -> Iterator[tuple[str, Message | Wire]]:
    """(what, message) for every reply the bot can send from this knowledge, in every language and game."""
    snapshot = conversation.knowledge.current
    monsters = sorted(snapshot.monsters.values(), key=lambda m: m.id)
    for language in LANGUAGES:
        for index, monster in enumerate(monsters):
            partner = monsters[(index + 1) % len(monsters)]
            for game in _facts_variants(monster).values():
                where = f"{monster.id} {language} {game}"
                yield f"card {where}", weakness_card(monster, language, game)
                yield f"hitzones {where}", tables.hitzone_table(monster, language, game)
                yield f"hitzones {where} full", tables.hitzone_table(monster, language, game, full=True)
                if partner is not monster:
                    yield f"compare {where} {partner.id}", tables.comparison((monster, partner), language, game)
        for game in (None, *GAMES):
            for start in range(0, len(monsters), line_rules.QUICK_REPLY_MAX_ITEMS):
                chunk = monsters[start : start + line_rules.QUICK_REPLY_MAX_ITEMS]
                yield f"which {language} {game} {start}", messages.which_one(chunk, game, language)
                yield f"not found {language} {game} {start}", messages.not_found("🔥" * 3000, chunk, game, language)
            yield f"not found {language} {game}", messages.not_found("x" * 5000, [], game, language)
        for game in GAMES:
            for topic in (*ELEMENTS, *AILMENTS):
                ranked = weakest_to(monsters, topic, game)
                for number in range(max(1, -(-len(ranked) // PAGE_SIZE))):
                    shown, more = page(ranked, number)
                    yield (
                        f"reverse {topic} {language} {game} {number}",
                        reverse.weakest_list(topic, shown, language, game, number, more),
                    )
        yield f"help {language}", messages.usage(language)
        for kind in ("greeting", "thanks", "laugh", "ok", "bye", "sticker"):
            yield f"small talk {kind} {language}", messages.small_talk(kind, language)
        yield f"follow greeting {language}", messages.greeting(language)
    for words in ("quiet", "talk"):
        for message in conversation.reply_to_text(words, ChatKind.GROUP, True, "chat").messages:
            yield f"group command {words}", message
    for keyword in sorted(snapshot.replies):
        for message in conversation.reply_to_text(keyword).messages:
            yield f"keyword {keyword}", message
    yield "follow greeting", conversation.greet().messages[0]
    for message in conversation.welcome_group().messages:
        yield "join greeting", message


def test_every_reply_is_accepted_by_line(knowledge):
    conversation = Conversation(knowledge)
    refused, kinds = [], set()
    for count, (what, message) in enumerate(every_reply(conversation)):
        kinds.add(what.split(" ")[0])
        json = message.data if isinstance(message, Wire) else to_data(message)  # as the bot sends it
        if count % 50 == 0 and not isinstance(message, Wire):  # the one-pass serialisation agrees with the SDK's
            assert json == message.to_dict(), what
        problem, details = line_rules.request_errors(_body(json))
        if problem:
            refused.append(f"{what}: {problem} {details[:3]}")
    assert refused == [], f"{len(refused)} replies LINE refuses, e.g. {refused[:5]}"
    assert {"card", "hitzones", "compare", "which", "not", "reverse", "help", "group", "follow", "join"} <= kinds


def test_every_page_of_a_split_table_fits_a_bubble_with_its_widest_page_mark():
    """Rows filling a page to the byte at its "1/2" mark must not overflow on page "10/12": the split keeps a margin
    for marks wider than the one it measured (pages made here of rows whose pairs exactly fill a page without it)."""
    from linebot.v3.messaging import FlexBox, FlexBubble, FlexText

    from monsterbot.replies.fit import split_pages

    def page(rows, number, count):
        return FlexBubble(
            body=FlexBox(layout="vertical", contents=[FlexText(text=f"Hitzones {number}/{count}"), *rows])
        )

    def row(size):  # a row whose JSON, with the ", " before it, is `size` bytes
        return FlexText(text="x" * (size - line_rules.json_size(to_data(FlexText(text=""))) - 2))

    room = line_rules.BUBBLE_MAX_BYTES - line_rules.json_size(to_data(page([], 1, 2)))
    rows = [row(size) for _ in range(12) for size in (room - 200, 200)]
    pages = split_pages(rows, page)
    sizes = [line_rules.json_size(to_data(page(part, number, len(pages)))) for number, part in enumerate(pages, 1)]
    assert [r for part in pages for r in part] == rows and len(pages) >= 10
    assert max(sizes) <= line_rules.BUBBLE_MAX_BYTES, sizes


def test_a_table_too_long_for_a_carousel_is_condensed_with_every_part(knowledge):
    """Whatever knowledge/ holds: the longest hitzone table, made three times as long, still fits LINE
    (pages, or a line per part) and no part's figures are lost."""
    monsters = knowledge.current.monsters.values()
    longest = max(monsters, key=lambda m: max((len(f.hitzones) for f in m.games.values()), default=0))
    facts = max(longest.games.values(), key=lambda f: len(f.hitzones))
    zones = facts.hitzones * 3
    grown = Monster(longest.id, longest.names, games={facts.game: replace(facts, hitzones=zones)})
    wire = to_data(tables.hitzone_table(grown, "zh-TW", facts.game, full=True))
    assert line_rules.request_errors(_body(wire)) == ("", [])
    shown = " ".join(message_texts(wire))
    for zone in facts.hitzones:
        figures = "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))
        found = figures in shown or figures.replace("/", " ") in shown  # a line per part, or a cell per figure
        assert shown.count(f"{part_name(zone.part, 'zh-TW', facts.game)}") >= 3 and found, zone


def test_the_longest_real_table_keeps_its_columns(knowledge):
    monsters = knowledge.current.monsters.values()
    longest = max(monsters, key=lambda m: max((len(f.hitzones) for f in m.games.values()), default=0))
    game = max(longest.games.values(), key=lambda f: len(f.hitzones)).game
    for language in LANGUAGES:
        wire = to_data(tables.hitzone_table(longest, language, game, full=True))  # the full table, every state
        bubbles = wire["contents"]["contents"] if wire["contents"]["type"] == "carousel" else [wire["contents"]]
        rows = [box for bubble in bubbles for box in bubble["body"]["contents"] if box.get("layout") == "horizontal"]
        parts = [z for z in longest.games[game].hitzones if not z.state]  # other states: a grey line under the part
        assert len(rows) == len(parts) + len(bubbles)  # a row per part, headings per page


# --- the rules catch what LINE refuses ---------------------------------------------------------------


def _flex(contents: dict[str, Any], alt: str = "alt") -> dict[str, Any]:
    return {"type": "flex", "altText": alt, "contents": contents}


def _bubble(*texts: str) -> dict[str, Any]:
    return {
        "type": "bubble",
        "body": {"type": "box", "layout": "vertical", "contents": [{"type": "text", "text": t} for t in texts]},
    }


def _postback_button(label: str, data: str = "monster=x", shown: str | None = "x") -> dict[str, Any]:
    action = {"type": "postback", "label": label, "data": data}
    if shown is not None:
        action["displayText"] = shown
    return {"type": "action", "action": action}


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        (_flex(_bubble("Part", "")), "must be non-empty text"),
        (_flex(_bubble("  ")), "must be non-empty text"),
        (_flex(_bubble("x" * 30_000)), "size of bubble"),
        (_flex(_bubble("火" * 5_000)), "size of bubble"),  # 6 bytes each as line-bot-sdk sends it (\\u706b)
        (_flex({"type": "carousel", "contents": [_bubble("x")] * 13}), "between 1 and 12"),
        (_flex({"type": "carousel", "contents": [_bubble("x" * 20_000)] * 3}), "size of carousel"),
        (_flex(_bubble("x"), alt=""), "must be non-empty text"),
        (_flex(_bubble("x"), alt="🔥" * 751), "between 1 and 1500"),  # 1,502 UTF-16 code units
        ({"type": "text", "text": ""}, "must be non-empty text"),
        ({"type": "text", "text": "🍎" * 2501}, "between 1 and 5000"),
        ({"type": "text", "text": "x", "quickReply": {"items": [_postback_button("x")] * 14}}, "between 1 and 13"),
        ({"type": "text", "text": "x", "quickReply": {"items": []}}, "between 1 and 13"),
        ({"type": "text", "text": "x", "quickReply": {"items": [_postback_button("x" * 21)]}}, "between 1 and 20"),
        ({"type": "text", "text": "x", "quickReply": {"items": [_postback_button("")]}}, "between 1 and 20"),
        (
            {"type": "text", "text": "x", "quickReply": {"items": [_postback_button("x", data="d" * 301)]}},
            "between 0 and 300",
        ),
        (
            {"type": "text", "text": "x", "quickReply": {"items": [_postback_button("x", shown=None)]}},
            "must be specified",
        ),
    ],
)
def test_the_rules_refuse_what_line_refuses(message, problem):
    error, details = line_rules.request_errors(_body(message))
    assert error.startswith("A message (messages[0])")
    assert any(problem in d["message"] for d in details), details


def test_the_rules_accept_messages_at_the_limits():
    at_limits = [
        {"type": "text", "text": "🍎" * 2500},
        _flex(_bubble("x" * 29_000), alt="🔥" * 750),
        _flex({"type": "carousel", "contents": [_bubble("x" * 4_000)] * 12}),
        {"type": "text", "text": "x", "quickReply": {"items": [_postback_button("x" * 20, data="d" * 300)] * 13}},
        _flex(
            {
                "type": "bubble",
                "body": {
                    "type": "box",
                    "layout": "vertical",
                    "contents": [{"type": "text", "contents": [{"type": "span", "text": "span"}]}],
                },
            }
        ),
    ]
    assert line_rules.request_errors(_body(*at_limits[:5])) == ("", [])


def test_a_reply_holds_one_to_five_messages():
    text = {"type": "text", "text": "x"}
    assert line_rules.request_errors(_body(*[text] * 5)) == ("", [])
    for count in (0, 6):
        error, details = line_rules.request_errors(_body(*[text] * count))
        assert error == "The request body has 1 error(s)" and details[0]["property"] == "messages"


def test_the_stand_in_answers_like_line(line_stub):
    def post(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(
            line_stub.url + "/v2/bot/message/reply",
            json.dumps(body).encode(),
            {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)

    status, answer = post(_body(_flex(_bubble("", "x")), token=line_stub.issue("a")))
    assert status == 400 and answer == {
        "message": "A message (messages[0]) in the request body is invalid",
        "details": [{"message": "must be non-empty text", "property": "/contents/body/contents/0/text"}],
    }
    assert post(_body({"type": "text", "text": "x"}, token="a")) == (
        200,
        {"sentMessages": [{"id": "0", "quoteToken": "q"}]},
    )
    assert post(_body({"type": "text", "text": "again"}, token="a")) == (400, {"message": "Invalid reply token"})
    assert len(line_stub.rejected) == 2
    line_stub.rejected.clear()  # refused on purpose
