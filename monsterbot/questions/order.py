"""Which kind of question a message is: the handlers tried in order (the first that answers wins), and the group
rules applied to every answer in one place.

To add a kind of question: one module in this package with a `Handler` class, and one line in `ORDER` below, placed
where it should win over the kinds after it.
"""

from __future__ import annotations

from monsterbot.core.answer import VERDICTS, Answer, AnswerKind, AnswerOutcome, Certainty
from monsterbot.questions.commands import ChatGame, QuietMode
from monsterbot.questions.companion import ItemSource, MonsterTopic
from monsterbot.questions.compare import Comparison
from monsterbot.questions.context import Context, Handler
from monsterbot.questions.followup import FollowUp
from monsterbot.questions.help import Help
from monsterbot.questions.keyword import KeywordReply
from monsterbot.questions.monster import MonsterName
from monsterbot.questions.named_part import NamedPart
from monsterbot.questions.reverse import WeakestTo
from monsterbot.questions.small_talk import SmallTalk
from monsterbot.questions.unanswered import MissingPart, NotHeld

ORDER: tuple[Handler, ...] = (
    QuietMode(),  # "安靜" / "說話"
    ChatGame(),  # "預設荒野"
    Help(),  # "help", an emoji alone
    KeywordReply(),  # an EventBinding's keyword: "開團"
    ItemSource(),  # "火龍紅玉", "where do I get rathalos ruby" (an item's name alone only as typed, never a monster's)
    MonsterTopic(),  # "火龍 素材", "rathalos habitat", "火龍 異常", "素材呢"
    FollowUp(),  # "尾巴呢", "and in rise?"
    SmallTalk(),  # "謝謝", "hi" (never a monster's exact name)
    WeakestTo(),  # "哪些魔物怕火"
    Comparison(),  # "火龍 vs 雌火龍"
    NotHeld(),  # "rathalos hp": said that no data holds it, then the card
    MissingPart(),  # "ヌ・エグドラ 脚" without leg figures: said, then the parts it has
    NamedPart(),  # "鎖刃龍 鎖刃", "nu udra tentacles", "rathalos frost": a part or element by a name of its own
    MonsterName(),  # anything else is a name: "火龍", "迅龍 肉質"
)


def decide(context: Context, order: tuple[Handler, ...] = ORDER) -> Answer:
    """The answer of the first handler that takes the message, after the group rules (`heard`)."""
    for handler in order:
        if handler.matches(context):
            answer = handler.answer(context)
            if answer is not None:
                return answer if heard(answer, context) else silenced(answer, context)
    return Answer()


def heard(answer: Answer, context: Context) -> bool:
    """Whether an answer is given in its chat: always where the bot is surely addressed (a one-to-one chat, a
    mention) and for commands; in a group a confident answer, unless the group wants mentions only."""
    if context.talkative or answer.certainty is Certainty.COMMAND:
        return True
    return answer.certainty is Certainty.CONFIDENT and not context.mention_only


def silenced(answer: Answer, context: Context) -> Answer:
    """An answer not given: nothing said or remembered. What the matcher made of it stays for the metrics and the
    query log, unless the chat wants mentions only (then it was not looked at)."""
    kept = answer.outcome in VERDICTS and not context.mention_only
    return Answer(AnswerKind.SILENT, answer.outcome if kept else AnswerOutcome.SILENT)
