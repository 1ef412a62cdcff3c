"""The `monsterbot` command, one module per group of commands; each group adds its commands' parsers (`register`).

A new command is a function and its parser in the module of its group (or a new group module, one line in `GROUPS`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from monsterbot.cli import knowledge, querylog, run, talk
from monsterbot.config import ConfigError
from monsterbot.knowledge.problems import KnowledgeError

GROUPS = (talk, knowledge, querylog, run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command; its description names them all, by group."""
    parser = argparse.ArgumentParser(prog="monsterbot")
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    groups = []
    for group in GROUPS:
        before = set(sub.choices)
        group.register(sub)
        groups.append(f"{group.TITLE} ({', '.join(c for c in sub.choices if c not in before)})")
    parser.description = f"monsterbot: {'; '.join(groups)}."
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ConfigError, KnowledgeError, RuntimeError) as exc:
        print(f"monsterbot: {exc}", file=sys.stderr)
        return 2
