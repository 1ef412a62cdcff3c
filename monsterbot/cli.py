"""The `monsterbot` command: serve, chat, ask, validate, compile, import."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from monsterbot.config import DEFAULT_DATA_DIR, LINE_API_DEFAULT, ConfigError, Settings, user_cache_dir
from monsterbot.conversation import ChatKind, Conversation
from monsterbot.knowledge.records import KnowledgeError
from monsterbot.replies.plain import render
from monsterbot.replies.wire import Wire
from monsterbot.sources.live import LiveKnowledge


def _settings(paths: Sequence[Path] | None = None) -> Settings:
    settings = Settings.from_env(require_line=False)
    if paths:  # files named on the command line are read directly
        settings = replace(settings, knowledge_paths=tuple(paths), source="yaml")
    return settings


def _reading_settings(paths: Sequence[Path] | None) -> Settings:
    """Settings of the commands that only read knowledge (ask, chat): without MONSTERBOT_DATA_DIR their compiled cache
    goes to the user's cache folder, so that running them anywhere writes nothing into the folder they run in."""
    settings = _settings(paths)
    return replace(settings, data_dir=user_cache_dir()) if settings.data_dir == DEFAULT_DATA_DIR else settings


def _knowledge(settings: Settings) -> LiveKnowledge:
    from monsterbot.web.runtime import build

    return build(replace(settings, query_log=False), watch=False, strict=True).knowledge


def _checkout_devtools(purpose: str) -> None:
    """Make the checkout's monsterbot_devtools importable (bench, soak, the LINE stand-in): they stay out of the wheel
    and the image, so an installed monsterbot says what it lacks instead of failing on an import."""
    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / "monsterbot_devtools").is_dir():
        raise SystemExit(f"monsterbot: {purpose} needs a checkout of the repository (monsterbot_devtools/ is not "
                         "installed with the package)")
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))


_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _since(text: str) -> datetime:
    """"7d", "12h", "30m" before now."""
    units = {"d": "days", "h": "hours", "m": "minutes"}
    try:
        amount, unit = int(text[:-1]), units[text[-1]]
    except (ValueError, KeyError, IndexError):
        raise argparse.ArgumentTypeError(f"expected a duration like 7d, 12h or 30m, got {text!r}") from None
    return datetime.now(timezone.utc) - timedelta(**{unit: amount})


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the webhook on Flask's development server (gunicorn runs it in production)."""
    from monsterbot.web.app import create_app

    settings = Settings.from_env(require_line=False)
    if not settings.channel_secret or not settings.channel_access_token:
        if args.host not in _LOOPBACK:  # anyone reaching the port could sign webhooks with the published secret
            print(f"monsterbot serve: development mode (no LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN) listens on "
                  f"loopback only, not {args.host}: its secret 'dev' is published", file=sys.stderr)
            return 2
        settings = replace(settings, channel_secret="dev", channel_access_token="dev", log_format="text",
                           line_api_endpoint=settings.line_api_endpoint if settings.line_api_endpoint != LINE_API_DEFAULT
                           else _print_replies_locally())
        print(
            "monsterbot serve: LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN not set: development mode. Webhooks are "
            "checked with the secret 'dev'; replies go to a local stand-in of the Messaging API and are printed here.",
            file=sys.stderr,
        )
    app = create_app(settings)
    app.run(host=args.host, port=args.port or settings.port, debug=False)
    return 0


def _print_replies_locally() -> str:
    """Start a local Messaging API stand-in that prints each reply; return its URL."""
    _checkout_devtools("development mode without LINE_API_ENDPOINT (replies printed by a local stand-in of LINE)")
    from monsterbot_devtools.line_standin import LineStandIn

    def show(recorded) -> None:  # noqa: ANN001 - a devtools Recorded
        for message in (recorded.body or {}).get("messages", []):
            print(f"\n[reply]\n{render(Wire(message, json.dumps(message).encode()))}\n", file=sys.stderr, flush=True)
        if recorded.status != 200:  # the strict stand-in refused it, as LINE would
            print(f"[LINE answers {recorded.status}: {json.dumps(recorded.error, ensure_ascii=False)}]", file=sys.stderr)

    return LineStandIn(on_request=show, keep=False).start().url


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation in the terminal, replies shown as a person reads them."""
    settings = _reading_settings(args.knowledge)
    conversation = Conversation(_knowledge(settings), settings.default_game)
    chat = ChatKind(args.chat)
    print("monsterbot chat: type a monster's name (Ctrl-D to quit).", file=sys.stderr)
    for line in _lines(sys.stdin, prompt=sys.stdin.isatty()):
        answer = conversation.reply_to_text(line, chat, chat_key="terminal")
        print("\n\n".join(render(m) for m in answer.messages) or "(silent)")
        print()
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer queries from the arguments, or one per line from stdin."""
    settings = _reading_settings(args.knowledge)
    knowledge = _knowledge(settings)
    if args.eval:
        from monsterbot.core.matching.evaluation import report_file

        print(report_file(args.eval, knowledge.current.matcher))
        return 0
    conversation = Conversation(knowledge, settings.default_game)
    queries: Iterable[str] = args.query or _lines(sys.stdin, prompt=False)
    for query in queries:
        answer = conversation.reply_to_text(query)
        if args.json:
            print(json.dumps({"query": query} | answer.to_data(), ensure_ascii=False), flush=True)
        else:
            print(f"> {query}")
            print("\n\n".join(render(m) for m in answer.messages))
            print(flush=True)
    return 0


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


def cmd_compile(args: argparse.Namespace) -> int:
    """Check the YAML knowledge and write its compiled cache to the data folder, so that a start skips YAML."""
    from monsterbot.sources import yaml_source

    settings = replace(_settings(args.paths), compiled_knowledge="")  # compiled from the YAML, not from a shipped cache
    source = yaml_source(replace(settings, data_dir=args.into) if args.into else settings)
    assert source.cache is not None
    source.load()  # KnowledgeError: nothing is written
    index = source.take_index()
    stored = source.cache.read().index
    if index is None or stored is None or stored.version != index.version:
        print(f"monsterbot: could not write {source.cache.file}", file=sys.stderr)
        return 1
    print(f"knowledge version {index.version} ({len(index.monsters)} monsters) compiled into {source.cache.file}",
          file=sys.stderr)
    return 0


def _engine(settings: Settings):  # noqa: ANN202 - sqlalchemy Engine, imported lazily
    from monsterbot.store.database import migrate, open_engine

    engine = open_engine(settings.store_url())
    migrate(engine)
    return engine


def cmd_sync(args: argparse.Namespace) -> int:
    """Validate knowledge, then write it to the store in one transaction (idempotent)."""
    from monsterbot.sources.yaml_files import YamlSource
    from monsterbot.store.knowledge_store import sync

    settings = _settings(args.paths)
    monsters = YamlSource(settings.knowledge_paths).load().monsters  # KnowledgeError: nothing is written
    result = sync(_engine(settings), monsters)
    state = "updated to" if result.changed else "already at"
    print(f"store {state} knowledge version {result.version} ({result.monsters} monsters)", file=sys.stderr)
    return 0


def cmd_misses(args: argparse.Namespace) -> int:
    """The most frequent unanswered queries, each with its nearest monsters."""
    from monsterbot.store.query_log import misses

    settings = _settings()
    rows = misses(_engine(settings), args.since, args.limit)
    matcher = _knowledge(settings).current.matcher
    for row in rows:
        nearest = ", ".join(f"{c.monster_id} ({c.score:.0f})" for c in matcher.match(row.query).candidates[:3])
        print(f"{row.count:6d}  {row.outcome:9s}  {row.query}  →  {nearest or '-'}")
    if not rows:
        print("no missed or ambiguous queries in that period", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """How many queries were answered, ambiguous or missed."""
    from monsterbot.store.query_log import stats

    counts = stats(_engine(_settings()), args.since)
    total = sum(counts.values())
    for outcome, count in counts.items():
        print(f"{outcome:10s} {count:8d}  {100 * count / total:5.1f}%")
    print(f"{'total':10s} {total:8d}")
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    """Delete query log entries older than the given age."""
    from monsterbot.store.query_log import prune

    removed = prune(_engine(_settings()), args.older_than)
    print(f"removed {removed} query log entries", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print EventBinding manifests for knowledge files, or write the CRDs."""
    import yaml

    from monsterbot.kubernetes import manifests

    if args.what == "crds":
        from monsterbot.kubernetes.crds import all_crds

        target = args.out or Path("charts/monsterbot/files/crds")
        for name, crd in all_crds().items():
            (target / name).write_text(manifests.dump(crd), encoding="utf-8")
        print(f"wrote {len(all_crds())} CRDs to {target}", file=sys.stderr)
        return 0
    from monsterbot.knowledge.records import read_paths

    records, problems = read_paths(args.paths or list(_settings().knowledge_paths))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KnowledgeError(errors)
    documents = [manifests.event_binding(r.data, r.file, args.bot, args.namespace) for r in records]
    sys.stdout.write(yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False))
    return 0


def cmd_operator(args: argparse.Namespace) -> int:
    """Run the operator: reconcile Bots and EventBindings (leader-elected)."""
    from monsterbot.operator.main import run_operator

    return run_operator(args.config, interval=args.interval, leader_election=not args.no_leader_election)


def cmd_soak(args: argparse.Namespace) -> int:
    """A bounded soak of the web process on loopback (zero errors, flat memory, clean SIGTERM)."""
    _checkout_devtools("soak")
    from monsterbot_devtools.soak import soak

    return soak(args.seconds, args.rate, args.max_growth_mb)


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmarks and write the table (BENCHMARKS.md)."""
    _checkout_devtools("bench")
    from monsterbot_devtools.bench import run

    run(args.quick, args.out)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Regenerate records from a dataset, keeping hand-added aliases and other games' facts."""
    from monsterbot.knowledge.companion_import import import_companion
    from monsterbot.knowledge.importer import import_hunterpie, import_world
    from monsterbot.knowledge.rise_import import import_rise_resistances
    from monsterbot.knowledge.wilds_import import import_wilds

    if args.dataset == "mhworlddata":
        written = import_world(args.path, args.out, args.localization)
    elif args.dataset == "rise-ele-check":
        written, lines = import_rise_resistances(args.path, args.out)
        for line in lines:
            print(f"not mapped: {line}", file=sys.stderr)
    elif args.dataset in ("wilds", "companion"):
        written, report = (import_wilds if args.dataset == "wilds" else import_companion)(args.path, args.out)
        for line in report.lines:
            print(f"not mapped: {line}", file=sys.stderr)
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
    ask.add_argument("--eval", type=Path, help="score a labelled TSV set: precision, recall, misses by class")
    ask.add_argument("--knowledge", type=Path, nargs="*", help=knowledge_help)
    ask.set_defaults(func=cmd_ask)

    validate = sub.add_parser("validate", help="check knowledge YAML: file:line:column: message")
    validate.add_argument("paths", type=Path, nargs="*")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--summary", action="store_true", help="print the roster counts as a Markdown table")
    validate.set_defaults(func=cmd_validate)

    compile_ = sub.add_parser("compile", help="validate knowledge YAML and write its compiled cache to the data folder "
                              "(MONSTERBOT_DATA_DIR), so that the webhook starts without parsing YAML")
    compile_.add_argument("paths", type=Path, nargs="*", help=knowledge_help)
    compile_.add_argument("--into", type=Path, help="folder to write the cache into (default MONSTERBOT_DATA_DIR); "
                                                    "an image's, for MONSTERBOT_COMPILED_KNOWLEDGE")
    compile_.set_defaults(func=cmd_compile)

    sync = sub.add_parser("sync", help="validate knowledge YAML and write it to the store (DATABASE_URL)")
    sync.add_argument("paths", type=Path, nargs="*", help=knowledge_help)
    sync.set_defaults(func=cmd_sync)

    for name, func, text in (
        ("misses", cmd_misses, "most frequent queries the bot could not answer, with their nearest monsters"),
        ("stats", cmd_stats, "answered / ambiguous / missed counts"),
    ):
        report = sub.add_parser(name, help=text)
        report.add_argument("--since", type=_since, default="7d", help="how far back (7d, 12h, 30m; default 7d)")
        if name == "misses":
            report.add_argument("--limit", type=int, default=20)
        report.set_defaults(func=func)

    prune = sub.add_parser("prune", help="delete old query log entries")
    prune.add_argument("--older-than", type=_since, default="90d", help="age (default 90d)")
    prune.set_defaults(func=cmd_prune)

    export = sub.add_parser("export", help="EventBinding manifests from knowledge YAML, or the CRDs")
    export.add_argument("what", choices=["eventbindings", "crds"])
    export.add_argument("paths", type=Path, nargs="*", help=knowledge_help)
    export.add_argument("--bot", default="monsterbot", help="the Bot the bindings belong to (spec.botRef)")
    export.add_argument("--namespace", default=None)
    export.add_argument("--out", type=Path, help="crds: folder to write (default charts/monsterbot/files/crds)")
    export.set_defaults(func=cmd_export)

    operator = sub.add_parser("operator", help="run the Kubernetes operator (Bots → Deployments or Knative Services)")
    operator.add_argument("--config", type=Path, required=True,
                          help="the operator's config.yaml (the chart's ConfigMap: namespaces, allowlists, pod template)")
    operator.add_argument("--interval", type=float, default=10.0, help="seconds between full reconciles")
    operator.add_argument("--no-leader-election", action="store_true")
    operator.set_defaults(func=cmd_operator)

    soak = sub.add_parser("soak", help="a bounded soak of the Procfile's web process on loopback")
    soak.add_argument("--seconds", type=float, default=300)
    soak.add_argument("--rate", type=float, default=50, help="requests per second")
    soak.add_argument("--max-growth-mb", type=float, default=16, help="allowed worker memory growth")
    soak.set_defaults(func=cmd_soak)

    bench = sub.add_parser("bench", help="benchmarks against their floors; writes BENCHMARKS.md")
    bench.add_argument("--quick", action="store_true", help="tiny sizes (what the test suite runs)")
    bench.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    bench.set_defaults(func=cmd_bench)

    audit = sub.add_parser("audit", help="cross-check every fact against a second source; fail on unreviewed differences")
    audit.add_argument("--data", type=Path, default=Path("../shared/data"), help="the datasets (default: ../shared/data)")
    audit.add_argument("--knowledge", type=Path, default=Path("knowledge"), help="the knowledge folder")
    audit.set_defaults(func=lambda args: __import__("monsterbot.knowledge.audit", fromlist=["main"]).main(args.knowledge, args.data))

    importer = sub.add_parser("import", help="regenerate records from a dataset")
    importer.add_argument("dataset", choices=["mhworlddata", "hunterpie", "wilds", "rise-ele-check", "companion"])
    importer.add_argument(
        "path", type=Path, help="MHWorldData CSV folder, HunterPie game data folder, the MHWS-in-json folder (wilds), "
        "mhrise-ele-check's monster_data.csv, or the shared data folder (companion: materials, habitats, …)"
    )
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
    except (ConfigError, KnowledgeError, RuntimeError) as exc:
        print(f"monsterbot: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
