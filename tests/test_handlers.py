"""Questions as handlers: a new kind is one class and one place in the order, and every answer, whichever handler
gave it, is under the same group rules (quiet mode, mentions, confident matches)."""

from __future__ import annotations

from typing import Any

import pytest

from monsterbot.conversation import ChatKind, Conversation
from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty
from monsterbot.core.model import KeywordReply, KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.preferences import MemoryPreferences
from monsterbot.questions.context import Context
from monsterbot.questions.order import ORDER
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource
from tests.conftest import KNOWLEDGE


class Ping:
    """A kind of question made for this test: "ping" is answered with a keyword-like text, "ping?" confidently."""

    def matches(self, context: Context) -> bool:
        return context.question.whole.startswith("ping")

    def answer(self, context: Context) -> Answer:
        sure = Certainty.CONFIDENT if context.text.endswith("?") else Certainty.UNSURE
        return Answer(AnswerKind.KEYWORD, AnswerOutcome.KEYWORD, sure, text=f"pong to {context.chat.value}")


@pytest.fixture
def talk(knowledge: Any) -> Conversation:
    return Conversation(knowledge, order=(Ping(), *ORDER), preferences=MemoryPreferences())


def _said(conversation: Conversation, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False) -> list[str]:
    return [m.data["text"] for m in conversation.reply_to_text(text, chat, mentioned, "chat").messages]


def test_a_new_kind_of_question_is_one_class_in_the_order(talk: Conversation) -> None:
    assert _said(talk, "ping") == ["pong to user"]
    assert talk.reply_to_text("火龍").kind == "weakness"  # the kinds after it still answer


def test_the_group_rules_apply_to_a_new_kind_without_it_knowing_them(talk: Conversation) -> None:
    assert _said(talk, "ping", ChatKind.GROUP) == []  # unsure: only when the bot is addressed
    assert _said(talk, "ping", ChatKind.GROUP, mentioned=True) == ["pong to group"]
    assert _said(talk, "ping?", ChatKind.GROUP) == ["pong to group"]  # confident: answered in a group …
    talk.reply_to_text("安靜", ChatKind.GROUP, chat_key="chat")
    assert _said(talk, "ping?", ChatKind.GROUP) == []  # … unless it asked for mentions only
    assert _said(talk, "ping?", ChatKind.GROUP, mentioned=True) == ["pong to group"]


def test_a_silenced_answer_keeps_nothing_of_the_chat(knowledge: Any) -> None:
    talk = Conversation(knowledge)
    talk.reply_to_text("昨天打火龍好累", ChatKind.GROUP, chat_key="g")  # chatter naming a monster: not answered
    assert talk.memory.recall("g") is None  # so its follow-ups are not about it


def test_keyword_replies_obey_the_group_rules(knowledge: Any) -> None:
    snapshot = knowledge.current
    words = KnowledgeSet(tuple(snapshot.monsters.values()), (KeywordReply(("開團",), "今晚九點集合！"),))
    live = LiveKnowledge(lambda: words)
    live.reload(strict=True)
    talk = Conversation(live)
    assert _said(talk, "開團", ChatKind.GROUP) == ["今晚九點集合！"]  # a whole message that is the keyword
    talk.reply_to_text("安靜", ChatKind.GROUP, chat_key="chat")
    assert _said(talk, "開團", ChatKind.GROUP) == []  # a quiet group hears it only when it mentions the bot
    assert _said(talk, "開團", ChatKind.GROUP, mentioned=True) == ["今晚九點集合！"]
    assert Conversation(live, group_mode="mention").reply_to_text("開團", ChatKind.GROUP, chat_key="c").messages == []


def test_every_kind_of_answer_has_a_line_form_and_a_plain_one(knowledge: Any, monkeypatch: Any) -> None:
    from monsterbot.replies import line, plain

    said = set(AnswerKind) - {AnswerKind.SILENT, AnswerKind.FORGET}
    assert said <= set(line.BUILDERS) and said <= set(plain.LAYOUTS)
    answer = Conversation(knowledge).reply_to_text("world 火龍 素材")
    monkeypatch.delitem(plain.LAYOUTS, answer.kind)  # a new kind with no terminal layout yet: its reply's own words
    assert plain.render(answer) == answer.messages[0].data["altText"]


@pytest.mark.parametrize(
    "query, kind, shown",
    [
        ("world 火龍", "weakness", ["火龍 Rathalos", "🐉 龍 ★★★", "資料來源：MHWorldData"]),
        ("world 火龍 肉質", "hitzones", ["頭部  65/70/60  0 15 20 15 30"]),
        ("火龍 尾巴", "part", ["尾巴（傷口）  60/55/50"]),
        ("nu udra tentacles", "part", ["Front Left Arm"]),
        ("火龍 hp", "not_held", ["我的資料沒有魔物的體力", "火龍的資料請點下方按鈕"]),  # the line, as on LINE
        ("rise 煌黑龍", "game_missing", ["煌黑龍"]),
        ("world 火龍 vs 雌火龍", "compare", ["火龍 對比 雌火龍", "🐉 龍  ★★★ | ★★"]),
        ("world 哪些魔物怕龍", "reverse", ["1. "]),
        ("rath", "which_one", ["Rathalos, Rathian"]),
        ("尾巴呢", "which_monster", ["哪一隻魔物"]),
        ("xyzzy", "not_found", ["xyzzy"]),
    ],
)
def test_plain_text_is_rendered_from_the_answers_content(
    knowledge: Any, query: str, kind: str, shown: list[str]
) -> None:
    from monsterbot.replies import plain

    answer = Conversation(knowledge).reply_to_text(query)
    text = plain.render(answer)
    assert answer.kind == kind and all(s in text for s in shown), text


def test_a_part_answer_leaves_out_the_states_no_source_names(knowledge: Any) -> None:
    """Wilds' data has chainblade rows "state 1", "state 2" that nothing names: 狀態1 means nothing to a player."""
    from monsterbot.replies import plain

    answer = Conversation(knowledge).reply_to_text("鎖刃龍 鎖刃")
    text, alt = plain.render(answer), answer.messages[0].data["altText"]
    assert answer.kind == "part" and "左鎖翼刃（傷口）" in text and "左鎖翼刃（傷口）" in alt, text
    assert "狀態" not in text and "狀態" not in alt, text


def test_a_message_reads_the_live_knowledge_once(knowledge: Any) -> None:
    """A reload between two reads would answer half from one version, half from another (sources/live.py)."""

    class Counted(LiveKnowledge):
        reads = 0

        @property
        def current(self) -> Snapshot:
            self.reads += 1
            return super().current

    counted = Counted(YamlSource([KNOWLEDGE]).load)
    counted.adopt(knowledge.current)
    talk = Conversation(counted)
    for text in ("火龍", "尾巴呢", "火龍 vs 雌火龍", "哪些魔物怕火", "rath", "xyzzy", "help", "謝謝"):
        before = counted.reads
        talk.reply_to_text(text, chat_key="chat")
        assert counted.reads - before == 1, text
    before = counted.reads
    talk.reply_to_postback("reverse=fire&game=wilds&lang=en&page=1")
    assert counted.reads - before == 1


@pytest.mark.parametrize("text", ["glow materials", "電龍頭", "basar", "seregi", "青熊"])
def test_a_name_the_reading_doubts_is_not_answered_in_a_group(knowledge: Any, text: str) -> None:
    """Every handler that names a monster reads it as MonsterName does (core/matching/reading.py): "glow" is only
    part of Crimson Glow Valstrax's name, 電龍頭 holds Astalos' name glued to a word, basar/seregi/青熊 are
    shortenings that are also words: a group hears none of them (a one-to-one chat may be asked or answered)."""
    talk = Conversation(knowledge)
    assert talk.reply_to_text(text, ChatKind.GROUP, False, "g").messages == [], text
    assert talk.reply_to_text(text, ChatKind.GROUP, True, "g").messages, text  # mentioned: answered or asked


@pytest.mark.parametrize(
    "text, kind, monster",
    [
        ("火龍 素材", "materials", "rathalos"),
        ("rathalos habitat", "field_guide", "rathalos"),
        ("火龍紅玉怎麼拿", "item_sources", "rathalos"),
        ("火龍 頭", "part", "rathalos"),
        ("rathalos", "weakness", "rathalos"),
    ],
)
def test_a_real_question_is_still_answered_in_a_group(knowledge: Any, text: str, kind: str, monster: str) -> None:
    reply = Conversation(knowledge).reply_to_text(text, ChatKind.GROUP, False, "g")
    assert reply.messages and reply.kind == kind and [m.id for m in reply.monsters][:1] == [monster], text


def test_the_follow_up_comparison_reads_the_other_name_as_monster_name_does(knowledge: Any) -> None:
    talk = Conversation(knowledge)
    talk.reply_to_text("火龍", ChatKind.GROUP, False, "g")
    assert talk.reply_to_text("vs 雌火龍?", ChatKind.GROUP, False, "g").kind == "compare"
    assert talk.reply_to_text("vs basar?", ChatKind.GROUP, False, "g").messages == []  # a shortening: not sure


#: Materials, habitat and ailment questions (the corpus holds names only): the monster they name, or none.
COMPANION_ROWS = (
    ("火龍 素材", "rathalos"),
    ("rathalos habitat", "rathalos"),
    ("リオレウス 状態異常攻撃", "rathalos"),
    ("nargacuga materials", "nargacuga"),
    ("昨天火龍素材好難刷", "none"),
    ("the materials are gone", "none"),
    ("where does my cat live", "none"),
)


def test_the_bot_answers_the_corpus_as_precisely_as_the_reading(knowledge: Any) -> None:
    """The tuning half of the labelled corpus sent to the bot in a one-to-one chat (every handler, in ORDER, on
    followup.parse): no answer with facts the reading itself would not give."""
    from monsterbot.cli.played import as_reading
    from monsterbot.core.matching.evaluation import Row, evaluate, load, render
    from monsterbot.core.matching.normalize import detect_language
    from monsterbot.core.matching.reading import read
    from tests.matching_corpus import TUNE

    rows = load(TUNE) + [Row(detect_language(text), "companion", text, expected) for text, expected in COMPANION_ROWS]
    matcher = knowledge.current.matcher
    reading = evaluate(rows, lambda query: read(query, matcher))
    bot = evaluate(rows, lambda query: as_reading(Conversation(knowledge).reply_to_text(query)))
    assert set(bot.false_positives) <= set(reading.false_positives), render(bot, misses=False)
    assert len(bot.false_positives) <= 3 and bot.overall.recall >= 0.95, render(bot)


@pytest.mark.parametrize("text", ["zzqqxx", "今天好累喔", "rathalos", "rathalos vs zzqqxx", "basar"])
def test_a_message_is_matched_once_per_subject(knowledge: Any, monkeypatch: Any, text: str) -> None:
    """MonsterName takes the matcher's result from the reading (Reading.match), not a second fuzzy match."""
    from monsterbot.core.matching.matcher import Matcher

    subjects: list[str] = []
    real = Matcher.match_key

    def counted(self: Matcher, subject: str, limit: int = 6) -> Any:
        subjects.append(subject)
        return real(self, subject, limit)

    monkeypatch.setattr(Matcher, "match_key", counted)
    Conversation(knowledge).reply_to_text(text, ChatKind.GROUP, True, "g")
    assert subjects and len(subjects) == len(set(subjects)), subjects


@pytest.mark.parametrize("text", ["ナルガの森で迷子", "rathalos cosplay contest", "轟龍飯店"])
def test_a_name_used_for_something_else_gets_no_did_you_mean(talk: Conversation, text: str) -> None:
    """The reading refused the name on the words around it: no monster offered, whichever handler replies."""
    reply = talk.reply_to_text(text)
    assert reply.kind == "not_found" and not reply.monsters, (reply.kind, reply.monsters)


def test_a_name_and_an_element_word_of_its_own_still_answers(talk: Conversation) -> None:
    assert talk.reply_to_text("rathalos frost").kind == "element"  # NamedPart still finds the name offered


@pytest.mark.parametrize(
    ("query", "kind"), [("雷屬性武器適合打誰", "reverse"), ("who is weak to fire element, rathalos?", "weakness")]
)
def test_a_reverse_question_in_a_sentence_lists_and_a_name_beside_it_answers_for_the_name(
    knowledge: Any, query: str, kind: str
) -> None:
    assert Conversation(knowledge).reply_to_text(query).kind == kind


def test_a_mention_with_no_words_gets_help_in_the_chats_language(knowledge: Any) -> None:
    """ "@monsterbot" alone in a zh-TW group: the help in the language the chat asked in, not English."""
    talk = Conversation(knowledge)
    talk.reply_to_text("火龍", ChatKind.GROUP, chat_key="g")
    reply = talk.reply_to_text("", ChatKind.GROUP, mentioned=True, chat_key="g")
    assert reply.kind == "help" and reply.language == "zh-TW"
    assert talk.reply_to_text("", ChatKind.GROUP, mentioned=True, chat_key="new").language == "en"  # nothing known


@pytest.mark.parametrize("text", ["冰碎龙弱点", "灼霞龙该用什么武器"])
def test_a_name_glued_inside_a_longer_one_is_not_that_monster(knowledge: Any, text: str) -> None:
    """冰碎龍 (not in the knowledge) holds 碎龍, 灼霞龍 holds 霞龍: neither is answered as Brachydios or Chameleos
    asked about "冰" or "灼"."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "not_found", (reply.kind, [m.id for m in reply.monsters])
    assert Conversation(knowledge).reply_to_text("推薦打火龍的武器").unanswered  # a hunter's verb glued before: asks
