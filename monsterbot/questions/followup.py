""" "尾巴呢", "and in rise?", "vs rathian?": a question about the monster the chat asked about last.

In a group it is answered only when worded as a question (or the bot is mentioned): "rise" or "尾巴" alone is
chit-chat; a follow-up with nothing to follow asks "which monster?" only where the bot is surely addressed.
"""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty, Remembered
from monsterbot.core.matching import followup
from monsterbot.core.matching.question import Kind, parse
from monsterbot.core.matching.reading import Verdict, read_question
from monsterbot.questions.cards import card, which_monster
from monsterbot.questions.companion import TOPICS, topic_answer
from monsterbot.questions.context import Context


class FollowUp:
    """A message that names no monster but asks about one: the chat's last monster answers it."""

    def matches(self, context: Context) -> bool:
        return context.question.followup

    def answer(self, context: Context) -> Answer:
        question, snapshot = context.question, context.snapshot
        certainty = Certainty.CONFIDENT if question.asking else Certainty.UNSURE
        heard = context.talkative or question.asking  # chit-chat is not answered: its chat need not be recalled
        last = context.memory.recall(context.chat_key) if context.chat_key and heard else None
        monster = snapshot.monsters.get(last.monster_id) if last else None
        if last is None or monster is None:
            return which_monster(snapshot, question, context.default_game)  # only where the bot is addressed
        game = question.game or last.game
        language = followup.reply_language(question, context.text, last.language)
        if question.kind is Kind.COMPARE:  # the other side is read as MonsterName reads a name: precision first
            other = read_question(parse(question.other), question.other, snapshot.matcher)
            if other.verdict is not Verdict.ANSWER or other.monsters[0] == monster.id:
                return which_monster(snapshot, question, context.default_game)
            second = snapshot.monsters[other.monsters[0]]
            sure = certainty if other.whole else Certainty.UNSURE
            return Answer(
                AnswerKind.COMPARE,
                AnswerOutcome.FOLLOWUP,
                sure,
                language,
                game,
                (monster, second),
                monster_id=monster.id,
                score=other.score,
            )
        again = question.kind is Kind.WEAKNESS and not question.card  # another game: the same question again
        if again and last.kind in TOPICS:  # materials, habitat, inflictions: the companion's answer, in that game
            chosen = question.game is not None
            return topic_answer(monster, last.kind, game, language, last.detail, certainty, game_chosen=chosen)
        if again:
            kind, detail = Kind(last.kind), last.detail
        else:
            kind, detail = question.kind, question.part or question.topic
        chat_game = context.chat_game if kind is Kind.WEAKNESS else None  # only a card offers the game
        return card(
            monster,
            kind,
            detail,
            language,
            game,
            chat_game,
            question.game is not None,
            outcome=AnswerOutcome.FOLLOWUP,
            certainty=certainty,
            monster_id=monster.id,
            score=100.0,
            remember=Remembered(monster.id, game, kind.value, detail, language),
        )
