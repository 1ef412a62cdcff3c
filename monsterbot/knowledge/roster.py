"""The roster as a Markdown table (`monsterbot validate --summary`)."""

from __future__ import annotations

from typing import Iterable

from monsterbot.core.model import GAMES, LANGUAGES, Monster


def roster_table(monsters: Iterable[Monster]) -> str:
    """A Markdown table of the roster: monsters per game, names and aliases per language."""
    monsters = list(monsters)
    lines = ["| | monsters | " + " | ".join(f"names {lang}" for lang in LANGUAGES) + " |"]
    lines.append("|---" * (2 + len(LANGUAGES)) + "|")
    for game in (None, *GAMES):
        chosen = [m for m in monsters if game is None or game in m.games]
        counts = [sum(lang in m.names for m in chosen) for lang in LANGUAGES]
        lines.append(f"| {game or 'all'} | {len(chosen)} | " + " | ".join(map(str, counts)) + " |")
    aliases = [sum(len(m.aliases.get(lang, ())) for m in monsters) for lang in LANGUAGES]
    lines.append("| aliases | | " + " | ".join(map(str, aliases)) + " |")
    return "\n".join(lines)
