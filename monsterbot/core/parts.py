"""How the sources write a part's name: its side before it ("Left Wing", "R Foreleg"), a state in brackets after it
("Head (Broken)"). A pair of wings is one part to a player, and a broken head is the head."""

from __future__ import annotations

import re

_SIDE = re.compile(r"^(?:Left|Right|L|R) ")
_STATE = re.compile(r"^(?P<base>.+?) \((?P<state>[^()]+)\)$")


def split_state(part: str) -> tuple[str, str]:
    """("Head", "Broken") for "Head (Broken)"; (part, "") for a part without a state."""
    found = _STATE.match(part)
    return (found["base"], found["state"]) if found else (part, "")


def without_side(part: str) -> str:
    """The part without its side: "Left Wing" -> "Wing", "R Foreleg (Reinforced)" -> "Foreleg (Reinforced)"."""
    return _SIDE.sub("", part)


def base_part(part: str) -> str:
    """The part without its side and its state: "Left Wing (Broken)" -> "Wing"."""
    return split_state(without_side(part))[0]
