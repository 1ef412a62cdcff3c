"""The knowledge: `validate`, `compile`, `sync`, `import` and `audit` its records."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from monsterbot.cli.common import KNOWLEDGE_HELP, engine, env_settings

TITLE = "check and load knowledge"


def register(sub: Any) -> None:
    """The parsers of this group's commands."""
    validate = sub.add_parser("validate", help="check knowledge YAML: file:line:column: message")
    validate.add_argument("paths", type=Path, nargs="*")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--summary", action="store_true", help="print the roster counts as a Markdown table")
    validate.set_defaults(func=cmd_validate)

    compile_ = sub.add_parser(
        "compile",
        help="validate knowledge YAML and write its compiled cache to the data folder "
        "(MONSTERBOT_DATA_DIR), so that the webhook starts without parsing YAML",
    )
    compile_.add_argument("paths", type=Path, nargs="*", help=KNOWLEDGE_HELP)
    compile_.add_argument(
        "--into",
        type=Path,
        help="folder to write the cache into (default MONSTERBOT_DATA_DIR); "
        "an image's, for MONSTERBOT_COMPILED_KNOWLEDGE",
    )
    compile_.set_defaults(func=cmd_compile)

    sync = sub.add_parser("sync", help="validate knowledge YAML and write it to the store (DATABASE_URL)")
    sync.add_argument("paths", type=Path, nargs="*", help=KNOWLEDGE_HELP)
    sync.set_defaults(func=cmd_sync)

    importer = sub.add_parser("import", help="regenerate records from a dataset")
    importer.add_argument("dataset", choices=["mhworlddata", "hunterpie", "wilds", "rise-ele-check", "companion"])
    importer.add_argument(
        "path",
        type=Path,
        help="MHWorldData CSV folder, HunterPie game data folder, the MHWS-in-json folder (wilds), "
        "mhrise-ele-check's monster_data.csv, or the shared data folder (companion: materials, habitats, …)",
    )
    importer.add_argument("--out", type=Path, default=Path("knowledge/monsters"))
    importer.add_argument(
        "--localization",
        type=Path,
        help="HunterPie localization folder (names; for hunterpie defaults to ../hunterpie-localization beside PATH)",
    )
    importer.set_defaults(func=cmd_import)

    audit = sub.add_parser(
        "audit", help="cross-check every fact against a second source; fail on unreviewed differences"
    )
    audit.add_argument(
        "--data", type=Path, default=Path("../shared/data"), help="the datasets (default: ../shared/data)"
    )
    audit.add_argument("--knowledge", type=Path, default=Path("knowledge"), help="the knowledge folder")
    audit.set_defaults(func=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    """Cross-check the knowledge against second sources; non-zero exit on a difference no reviewed file explains."""
    from monsterbot.knowledge.audit import main as audit

    return audit(args.knowledge, args.data)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check knowledge files: schema, then lint across them; non-zero exit on errors."""
    from monsterbot.knowledge.files import read_paths
    from monsterbot.knowledge.roster import roster_table

    paths = args.paths or list(env_settings().knowledge_paths)
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

    settings = replace(
        env_settings(args.paths), compiled_knowledge=""
    )  # compiled from the YAML, not from a shipped cache
    source = yaml_source(replace(settings, data_dir=args.into) if args.into else settings)
    assert source.cache is not None
    source.load()  # KnowledgeError: nothing is written
    index = source.compiled_index()
    stored = source.cache.read().index
    if index is None or stored is None or stored.version != index.version:
        print(f"monsterbot: could not write {source.cache.file}", file=sys.stderr)
        return 1
    print(
        f"knowledge version {index.version} ({len(index.monsters)} monsters) compiled into {source.cache.file}",
        file=sys.stderr,
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Validate knowledge, then write it to the store in one transaction (idempotent)."""
    from monsterbot.sources.yaml_files import YamlSource
    from monsterbot.store.knowledge_store import sync

    settings = env_settings(args.paths)
    monsters = YamlSource(settings.knowledge_paths).load().monsters  # KnowledgeError: nothing is written
    result = sync(engine(settings), monsters)
    state = "updated to" if result.changed else "already at"
    print(f"store {state} knowledge version {result.version} ({result.monsters} monsters)", file=sys.stderr)
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
