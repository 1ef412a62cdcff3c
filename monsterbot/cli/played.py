"""What a player gets, scored as the reading is: `monsterbot ask --eval FILE` prints both.

The reading (core/matching/reading.py) decides what a message means; the conversation answers it through every
handler in order. Each reply of a one-to-one chat is mapped back to the verdict it gives the player, so a labelled
set is scored the same way twice and editors see the answers players really get beside the reading's.
"""

from __future__ import annotations

from pathlib import Path

from monsterbot.conversation import Conversation, Reply
from monsterbot.core.matching.evaluation import evaluate, load, render
from monsterbot.core.matching.reading import Reading, Verdict
from monsterbot.sources.live import LiveKnowledge

#: The kinds of reply that state a monster's facts (an item's sources are facts about an item, never a monster's).
FACTS = frozenset({"weakness", "hitzones", "part", "element", "game_missing", "materials", "field_guide"})


def as_reading(reply: Reply) -> Reading:
    """The verdict a reply gives the player: facts about a monster, a comparison, a list, "which one?", not found
    with monsters offered ("did you mean"), or nothing."""
    ids = tuple(m.id for m in reply.monsters)
    if reply.kind in FACTS:
        return Reading(Verdict.ANSWER, ids[:1])
    if reply.kind == "item_sources":
        return Reading(Verdict.ANSWER, (f"item:{reply.topic}",))
    if reply.kind == "compare":
        return Reading(Verdict.COMPARE, ids)
    if reply.kind == "reverse":
        return Reading(Verdict.REVERSE, topic=reply.topic)
    if reply.kind == "which_one":
        return Reading(Verdict.ASK, ids)
    if reply.kind == "not_found" and ids:
        return Reading(Verdict.UNKNOWN, ids)
    return Reading(Verdict.NONE)


def played_report(path: Path, knowledge: LiveKnowledge, default_game: str) -> str:
    """The set's table and false positives as the bot answers each row in a one-to-one chat."""
    rows = load(path)
    report = evaluate(rows, lambda query: as_reading(Conversation(knowledge, default_game).reply_to_text(query)))
    return render(report, misses=False)
