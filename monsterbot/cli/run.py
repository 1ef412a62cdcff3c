"""Running and deploying the bot: `serve` (the webhook, locally), `operator`, `export` (manifests), `soak`, `bench`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from monsterbot.cli.common import KNOWLEDGE_HELP, checkout_devtools, env_settings
from monsterbot.config import LINE_API_DEFAULT, Settings
from monsterbot.knowledge.problems import KnowledgeError
from monsterbot.replies.wire import Wire

TITLE = "run and deploy it"

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def register(sub: Any) -> None:
    """The parsers of this group's commands."""
    serve = sub.add_parser("serve", help="run the webhook locally (development server)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="default: PORT or 8000")
    serve.set_defaults(func=cmd_serve)

    operator = sub.add_parser("operator", help="run the Kubernetes operator (Bots → Deployments or Knative Services)")
    operator.add_argument(
        "--config",
        type=Path,
        required=True,
        help="the operator's config.yaml (the chart's ConfigMap: namespaces, allowlists, pod template)",
    )
    operator.add_argument("--interval", type=float, default=10.0, help="seconds between full reconciles")
    operator.add_argument("--no-leader-election", action="store_true")
    operator.add_argument("--metrics-port", type=int, default=0, help="serve Prometheus /metrics on this port (0: off)")
    operator.add_argument(
        "--metrics-address",
        default="127.0.0.1",
        help="the address /metrics listens on (the chart's pod: 0.0.0.0, for its PodMonitor)",
    )
    operator.set_defaults(func=cmd_operator)

    export = sub.add_parser("export", help="EventBinding manifests from knowledge YAML, or the CRDs")
    export.add_argument("what", choices=["eventbindings", "crds"])
    export.add_argument("paths", type=Path, nargs="*", help=KNOWLEDGE_HELP)
    export.add_argument("--bot", default="monsterbot", help="the Bot the bindings belong to (spec.botRef)")
    export.add_argument("--namespace", default=None)
    export.add_argument("--out", type=Path, help="crds: folder to write (default charts/monsterbot/files/crds)")
    export.set_defaults(func=cmd_export)

    soak = sub.add_parser("soak", help="a bounded soak of the Procfile's web process on loopback")
    soak.add_argument("--seconds", type=float, default=300)
    soak.add_argument("--rate", type=float, default=50, help="requests per second")
    soak.add_argument("--max-growth-mb", type=float, default=16, help="allowed worker memory growth")
    soak.set_defaults(func=cmd_soak)

    bench = sub.add_parser("bench", help="benchmarks against their floors; writes BENCHMARKS.md")
    bench.add_argument("--quick", action="store_true", help="tiny sizes (what the test suite runs)")
    bench.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    bench.set_defaults(func=cmd_bench)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the webhook on Flask's development server (gunicorn runs it in production)."""
    from monsterbot.web.app import close_app, create_app

    settings = Settings.from_env(require_line=False)
    if not settings.channel_secret or not settings.channel_access_token:
        if args.host not in _LOOPBACK:  # anyone reaching the port could sign webhooks with the published secret
            print(
                f"monsterbot serve: development mode (no LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN) listens on "
                f"loopback only, not {args.host}: its secret 'dev' is published",
                file=sys.stderr,
            )
            return 2
        settings = replace(
            settings,
            channel_secret="dev",
            channel_access_token="dev",
            log_format="text",
            line_api_endpoint=settings.line_api_endpoint
            if settings.line_api_endpoint != LINE_API_DEFAULT
            else _print_replies_locally(),
        )
        print(
            "monsterbot serve: LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN not set: development mode. Webhooks are "
            "checked with the secret 'dev'; replies go to a local stand-in of the Messaging API and are printed here.",
            file=sys.stderr,
        )
    app = create_app(settings)
    try:
        app.run(host=args.host, port=args.port or settings.port, debug=False)
    finally:
        close_app(app)  # the replies still queued, LINE's connections
    return 0


def _print_replies_locally() -> str:
    """Start a local Messaging API stand-in that prints each reply; return its URL."""
    checkout_devtools("development mode without LINE_API_ENDPOINT (replies printed by a local stand-in of LINE)")
    from monsterbot_devtools.line_standin import LineStandIn
    from monsterbot_devtools.wire_text import wire_text

    def show(recorded) -> None:
        for message in (recorded.body or {}).get("messages", []):
            print(f"\n[reply]\n{wire_text(Wire(message, json.dumps(message).encode()))}\n", file=sys.stderr, flush=True)
        if recorded.status != 200:  # the strict stand-in refused it, as LINE would
            print(
                f"[LINE answers {recorded.status}: {json.dumps(recorded.error, ensure_ascii=False)}]", file=sys.stderr
            )

    return LineStandIn("dev", on_request=show, keep=False).start().url


def cmd_operator(args: argparse.Namespace) -> int:
    """Run the operator: reconcile Bots and EventBindings (leader-elected)."""
    from monsterbot.operator.main import run_operator

    return run_operator(
        args.config,
        interval=args.interval,
        leader_election=not args.no_leader_election,
        metrics_port=args.metrics_port,
        metrics_address=args.metrics_address,
    )


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
    from monsterbot.knowledge.files import read_paths

    records, problems = read_paths(args.paths or list(env_settings().knowledge_paths))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KnowledgeError(errors)
    documents = [manifests.event_binding(r.data, r.file, args.bot, args.namespace) for r in records]
    sys.stdout.write(yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False))
    return 0


def cmd_soak(args: argparse.Namespace) -> int:
    """A bounded soak of the web process on loopback (zero errors, flat memory, clean SIGTERM)."""
    checkout_devtools("soak")
    from monsterbot_devtools.soak import soak

    return soak(args.seconds, args.rate, args.max_growth_mb)


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmarks and write the table (BENCHMARKS.md)."""
    checkout_devtools("bench")
    from monsterbot_devtools.bench import broken, run

    failed = broken(run(args.quick, args.out))
    for check in failed:
        print(f"monsterbot bench: a check failed: {check}", file=sys.stderr)
    return 1 if failed else 0
