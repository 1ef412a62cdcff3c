"""The query log: `misses`, `stats`, `prune`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from monsterbot.cli.common import engine, env_settings, knowledge_for, since

TITLE = "read the query log"


def register(sub: Any) -> None:
    """The parsers of this group's commands."""
    for name, func, text in (
        ("misses", cmd_misses, "most frequent queries the bot could not answer, with their nearest monsters"),
        ("stats", cmd_stats, "answered / ambiguous / missed counts"),
    ):
        report = sub.add_parser(name, help=text)
        report.add_argument("--since", type=since, default="7d", help="how far back (7d, 12h, 30m; default 7d)")
        if name == "misses":
            report.add_argument("--limit", type=int, default=20)
        report.set_defaults(func=func)

    prune = sub.add_parser("prune", help="delete old query log entries")
    prune.add_argument("--older-than", type=since, default="90d", help="age (default 90d)")
    prune.set_defaults(func=cmd_prune)


def cmd_misses(args: argparse.Namespace) -> int:
    """The most frequent unanswered queries, each with its nearest monsters."""
    from monsterbot.store.query_log import misses

    settings = env_settings()
    rows = misses(engine(settings), args.since, args.limit)
    matcher = knowledge_for(settings).current.matcher
    for row in rows:
        nearest = ", ".join(f"{c.monster_id} ({c.score:.0f})" for c in matcher.match(row.query).candidates[:3])
        print(f"{row.count:6d}  {row.outcome:9s}  {row.query}  →  {nearest or '-'}")
    if not rows:
        print("no missed or ambiguous queries in that period", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """How many queries were answered, ambiguous or missed."""
    from monsterbot.store.query_log import stats

    counts = stats(engine(env_settings()), args.since)
    total = sum(counts.values())
    for outcome, count in counts.items():
        print(f"{outcome:10s} {count:8d}  {100 * count / total:5.1f}%")
    print(f"{'total':10s} {total:8d}")
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    """Delete query log entries older than the given age."""
    from monsterbot.store.query_log import prune

    removed = prune(engine(env_settings()), args.older_than)
    print(f"removed {removed} query log entries", file=sys.stderr)
    return 0
