"""The `monsterbot` command: serve, chat, ask, validate, import."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from monsterbot.config import ConfigError, Settings
from monsterbot.conversation import ChatKind, Conversation
from monsterbot.knowledge.base import KnowledgeError, LiveKnowledge
from monsterbot.knowledge.yaml_source import YamlSource
from monsterbot.matching.question import Kind, parse
from monsterbot.replies.plain import render


def _knowledge(paths: Sequence[Path]) -> LiveKnowledge:
    knowledge = LiveKnowledge(YamlSource(paths).load)
    knowledge.reload(strict=True)
    return knowledge


def _settings() -> Settings:
    return Settings.from_env(require_line=False)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the webhook on Flask's development server (gunicorn runs it in production)."""
    import os

    from monsterbot.app import create_app

    env = dict(os.environ)
    if not env.get("LINE_CHANNEL_SECRET") or not env.get("LINE_CHANNEL_ACCESS_TOKEN"):
        print(
            "monsterbot serve: LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN not set; "
            "development mode with placeholder credentials (signed requests use the secret 'dev').",
            file=sys.stderr,
        )
        env.setdefault("LINE_CHANNEL_SECRET", "dev")
        env.setdefault("LINE_CHANNEL_ACCESS_TOKEN", "dev")
        env.setdefault("MONSTERBOT_LOG_FORMAT", "text")
    settings = Settings.from_env(env)
    app = create_app(settings)
    app.run(host=args.host, port=args.port or settings.port, debug=False)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation in the terminal, replies shown as a person reads them."""
    settings = _settings()
    conversation = Conversation(_knowledge(args.knowledge or settings.knowledge_paths), settings.default_game)
    chat = ChatKind(args.chat)
    print("monsterbot chat: type a monster's name (Ctrl-D to quit).", file=sys.stderr)
    for line in _lines(sys.stdin, prompt=sys.stdin.isatty()):
        answer = conversation.reply_to_text(line, chat)
        print("\n\n".join(render(m) for m in answer.messages) or "(silent)")
        print()
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer queries from the arguments, or one per line from stdin."""
    settings = _settings()
    knowledge = _knowledge(args.knowledge or settings.knowledge_paths)
    conversation = Conversation(knowledge, settings.default_game)
    queries: Iterable[str] = args.query or _lines(sys.stdin, prompt=False)
    for query in queries:
        if args.json:
            print(json.dumps(_ask_json(knowledge, query), ensure_ascii=False), flush=True)
        else:
            answer = conversation.reply_to_text(query)
            print(f"> {query}")
            print("\n\n".join(render(m) for m in answer.messages))
            print(flush=True)
    return 0


def _ask_json(knowledge: LiveKnowledge, query: str) -> dict:
    snapshot = knowledge.current
    question = parse(query)
    result = snapshot.matcher.match_question(question) if question.kind is Kind.WEAKNESS else None
    best = result.best if result else None
    return {
        "query": query,
        "outcome": result.outcome.value if result else question.kind.value,
        "match": {"id": best.monster_id, "names": dict(snapshot.monsters[best.monster_id].names)} if best else None,
        "score": best.score if best else None,
        "game": question.game,
        "candidates": [{"id": c.monster_id, "score": c.score} for c in (result.candidates if result else ())],
    }


def _lines(stream: TextIO, prompt: bool) -> Iterable[str]:
    while True:
        if prompt:
            print("you> ", end="", file=sys.stderr, flush=True)
        line = stream.readline()
        if not line:
            return
        if line.strip():
            yield line.rstrip("\n")


def cmd_validate(args: argparse.Namespace) -> int:
    """Check knowledge files: schema, then lint across them; non-zero exit on errors."""
    from monsterbot.knowledge.records import read_paths, roster_table

    paths = args.paths or list(_settings().knowledge_paths)
    records, problems = read_paths(paths)
    for problem in problems:
        print(problem)
    if args.summary:
        print(roster_table(r.monster for r in records))
    errors = [p for p in problems if p.severity == "error" or args.strict]
    print(
        f"{len(records)} monster(s) checked: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)",
        file=sys.stderr,
    )
    return 1 if errors else 0


def cmd_import(args: argparse.Namespace) -> int:
    """Regenerate records from a dataset, keeping hand-added aliases and other games' facts."""
    from monsterbot.knowledge.importer import import_hunterpie, import_world

    if args.dataset == "mhworlddata":
        written = import_world(args.path, args.out, args.localization)
    else:
        localization = args.localization or args.path.parent / "hunterpie-localization"
        written = import_hunterpie(args.path, localization, args.out)
    print(f"wrote {len(set(written))} record(s) under {args.out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="monsterbot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    knowledge_help = "knowledge files or folders (default: MONSTERBOT_KNOWLEDGE or the repo's knowledge/)"

    serve = sub.add_parser("serve", help="run the webhook locally (development server)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="default: PORT or 8000")
    serve.set_defaults(func=cmd_serve)

    chat = sub.add_parser("chat", help="talk to the bot in the terminal, no LINE account needed")
    chat.add_argument("--chat", choices=[c.value for c in ChatKind], default="user", help="pretend to be in this chat")
    chat.add_argument("--knowledge", type=Path, nargs="*", help=knowledge_help)
    chat.set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", help="print the bot's answer to each query (or each stdin line)")
    ask.add_argument("query", nargs="*")
    ask.add_argument("--json", action="store_true", help="one JSON object per query")
    ask.add_argument("--knowledge", type=Path, nargs="*", help=knowledge_help)
    ask.set_defaults(func=cmd_ask)

    validate = sub.add_parser("validate", help="check knowledge YAML: file:line:column: message")
    validate.add_argument("paths", type=Path, nargs="*")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--summary", action="store_true", help="print the roster counts as a Markdown table")
    validate.set_defaults(func=cmd_validate)

    importer = sub.add_parser("import", help="regenerate records from a dataset")
    importer.add_argument("dataset", choices=["mhworlddata", "hunterpie"])
    importer.add_argument("path", type=Path, help="MHWorldData CSV folder, or HunterPie game data folder")
    importer.add_argument("--out", type=Path, default=Path("knowledge/monsters"))
    importer.add_argument(
        "--localization",
        type=Path,
        help="HunterPie localization folder (names; for hunterpie defaults to ../hunterpie-localization beside PATH)",
    )
    importer.set_defaults(func=cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ConfigError, KnowledgeError) as exc:
        print(f"monsterbot: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
