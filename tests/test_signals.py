"""Signals to run the bot by: the chart's alert rules (promtool, with series that make each fire) and dashboard name
only metrics the webhook exports; LINE's latency and the reply queue are measured."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import subprocess
from collections.abc import Iterator

import pytest
import yaml

from tests.conftest import payload, runtime_for, settings_for, sign, text_event
from tests.helm_tool import CHART, CREDENTIALS, promtool_binary, render

NAMESPACE = "games"
MONITORING = (
    "--set",
    "serviceMonitor.enabled=true",
    "--set",
    "prometheusRule.enabled=true",
    "--set",
    "grafanaDashboard.enabled=true",  # Prometheus's namespace may scrape the internal port
    "--set",
    r"networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.kubernetes\.io/metadata\.name=monitoring",
)


def exported_series() -> set[str]:
    """Every series name the webhook's and the operator's /metrics can show: the metrics of monsterbot/web/metrics.py
    and monsterbot/operator/metrics.py with the suffixes prometheus_client gives each type, and the webhook's live
    state's gauges."""
    from prometheus_client.metrics import MetricWrapperBase

    from monsterbot.operator import metrics as operator_metrics
    from monsterbot.web import metrics

    names: set[str] = set()
    for metric in [*vars(metrics).values(), *vars(operator_metrics).values()]:
        if isinstance(metric, MetricWrapperBase):
            for family in metric.describe():
                suffixes = {
                    "counter": ("_total", "_created"),
                    "histogram": ("_bucket", "_sum", "_count", "_created"),
                    "gauge": ("",),
                }[family.type]
                names |= {family.name + suffix for suffix in suffixes}
    live = metrics.LiveState(lambda: "v1", lambda: {"redis": True})
    return names | {family.name for family in live.collect()}


def series_in(expression: str) -> set[str]:
    return set(re.findall(r"\b(monsterbot_[a-z_]+)\b", expression))


def rule_groups() -> list[dict]:
    [rule] = [o for o in render(*CREDENTIALS, *MONITORING, namespace=NAMESPACE) if o["kind"] == "PrometheusRule"]
    return rule["spec"]["groups"]


ISSUE_ALERTS = {  # what the alerts must cover: webhook errors, LINE failures, reload refused, dependency down, drops
    "MonsterbotWebhookErrors",
    "MonsterbotLineReplyFailures",
    "MonsterbotReloadRefused",
    "MonsterbotDependencyDown",
    "MonsterbotRepliesDropped",
}


def test_every_alert_names_only_exported_metrics():
    exported = exported_series()
    rules = [rule for group in rule_groups() for rule in group["rules"]]
    assert ISSUE_ALERTS <= {rule["alert"] for rule in rules}
    for rule in rules:
        named = series_in(rule["expr"])
        assert named and named <= exported, f"{rule['alert']}: {named - exported} is not a metric the webhook exports"
        assert f'namespace="{NAMESPACE}"' in rule["expr"]  # this release's pods only
        assert rule["labels"]["severity"] in ("critical", "warning", "info")
        assert {"summary", "description"} <= set(rule["annotations"])


def test_the_dashboard_names_only_exported_metrics():
    exported = exported_series()
    [config_map] = [
        o
        for o in render(*CREDENTIALS, *MONITORING, namespace=NAMESPACE)
        if o["kind"] == "ConfigMap" and o["metadata"]["name"].endswith("-dashboard")
    ]
    assert config_map["metadata"]["labels"]["grafana_dashboard"] == "1"  # the Grafana sidecar's default label
    dashboard = json.loads(config_map["data"]["monsterbot.json"])
    assert dashboard == json.loads((CHART / "files" / "dashboards" / "monsterbot.json").read_text())
    variables = {v["name"] for v in dashboard["templating"]["list"]}
    assert {"datasource", "namespace"} <= variables and dashboard["uid"] == "monsterbot"
    targets = [t for panel in dashboard["panels"] for t in panel["targets"]]
    shown = set().union(*(series_in(t["expr"]) for t in targets))
    for target in targets:
        assert series_in(target["expr"]) <= exported, target["expr"]
        assert 'namespace="$namespace"' in target["expr"]
    # every metric the webhook exports is on the dashboard (a histogram through its buckets)
    wanted = {
        n
        for n in exported
        if not n.endswith(("_created", "_sum", "_count"))
        and not (n.endswith("_total") and n[:-6] + "_bucket" in exported)
    }
    assert wanted - shown == set()
    panel_ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(panel_ids) == len(set(panel_ids))


# Series that make each alert fire (interval 1m), and the labels the firing alert carries beside its name.
FIRING = {
    "MonsterbotWebhookErrors": (
        {
            'monsterbot_webhook_requests_total{result="ok"}': "0+60x40",
            'monsterbot_webhook_requests_total{result="busy"}': "0+10x40",
        },
        {"severity": "warning"},
    ),
    "MonsterbotWebhookSignatureFailures": (
        {'monsterbot_webhook_requests_total{result="invalid_signature"}': "0+5x40"},
        {"severity": "critical"},
    ),
    "MonsterbotWebhookSlow": (
        {
            'monsterbot_webhook_seconds_bucket{le="1.0"}': "0+1x40",
            'monsterbot_webhook_seconds_bucket{le="2.5"}': "0+10x40",
            'monsterbot_webhook_seconds_bucket{le="+Inf"}': "0+10x40",
        },
        {"severity": "warning"},
    ),
    "MonsterbotLineReplyFailures": (
        {
            'monsterbot_line_replies_total{result="ok"}': "0+10x40",
            'monsterbot_line_replies_total{result="http_401"}': "0+10x40",
        },
        {"severity": "warning"},
    ),
    "MonsterbotLineSlow": (
        {
            'monsterbot_line_request_seconds_bucket{result="ok",le="2.0"}': "0+1x40",
            'monsterbot_line_request_seconds_bucket{result="ok",le="5.0"}': "0+10x40",
            'monsterbot_line_request_seconds_bucket{result="ok",le="+Inf"}': "0+10x40",
        },
        {"severity": "warning"},
    ),
    "MonsterbotRepliesDropped": (
        {'monsterbot_line_replies_total{result="dropped"}': "0+1x40"},
        {"severity": "warning"},
    ),
    "MonsterbotReloadRefused": ({"monsterbot_knowledge_reload_refused": "1x40"}, {"severity": "warning"}),
    "MonsterbotReloadFailing": ({"monsterbot_knowledge_last_reload_ok": "0x40"}, {"severity": "warning"}),
    "MonsterbotDependencyDown": (
        {'monsterbot_dependency_up{dependency="redis"}': "0x40"},
        {"severity": "warning", "dependency": "redis"},
    ),
    "MonsterbotQueryLogDropping": ({"monsterbot_query_log_dropped_total": "0+1x40"}, {"severity": "info"}),
    "MonsterbotOperatorFailing": (
        {
            "monsterbot_operator_passes_total": "0+6x40",
            'monsterbot_operator_pass_errors_total{error="ApiException"}': "0+3x40",
        },
        {"severity": "warning"},
    ),
    "MonsterbotOperatorNotLeading": ({"monsterbot_operator_leading": "0x40"}, {"severity": "warning"}),
    "MonsterbotBotsRefused": (
        {'monsterbot_operator_refusals_total{kind="Bot",reason="ImageNotAllowed"}': "0+1x40"},
        {"severity": "info", "kind": "Bot", "reason": "ImageNotAllowed"},
    ),
}
HEALTHY = {  # a busy, healthy bot: no alert fires
    'monsterbot_webhook_requests_total{result="ok"}': "0+60x40",
    'monsterbot_webhook_requests_total{result="invalid_signature"}': "0+1x40",  # a stranger probing the URL
    'monsterbot_webhook_seconds_bucket{le="0.1"}': "0+60x40",
    'monsterbot_webhook_seconds_bucket{le="+Inf"}': "0+60x40",
    'monsterbot_line_replies_total{result="ok"}': "0+60x40",
    'monsterbot_line_request_seconds_bucket{result="ok",le="0.25"}': "0+60x40",
    'monsterbot_line_request_seconds_bucket{result="ok",le="+Inf"}': "0+60x40",
    "monsterbot_knowledge_reload_refused": "0x40",
    "monsterbot_knowledge_last_reload_ok": "1x40",
    'monsterbot_dependency_up{dependency="redis"}': "1x40",
    "monsterbot_query_log_dropped_total": "0x40",
    "monsterbot_operator_passes_total": "0+6x40",
    'monsterbot_operator_pass_errors_total{error="ApiException"}': "0x40",
    "monsterbot_operator_leading": "1x40",
}


def _series(values: dict[str, str]) -> list[dict]:
    """promtool input series, each labelled with the release's namespace (as its ServiceMonitor scrapes them)."""
    series = []
    for name, value in values.items():
        labels = f'namespace="{NAMESPACE}"'
        if "{" in name:
            name, rest = name.split("{", 1)
            labels += "," + rest.rstrip("}")
        series.append({"series": f"{name}{{{labels}}}", "values": value})
    return series


@pytest.mark.timeout(900)  # the first run on a machine downloads Debian's prometheus package (promtool)
def test_promtool_checks_the_rules_and_each_alert_fires_on_its_series(tmp_path):
    try:
        promtool = str(promtool_binary())
    except (subprocess.CalledProcessError, FileNotFoundError, StopIteration) as exc:  # no apt, or no mirror
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"promtool could not be fetched from Debian's prometheus package: {exc!r}")
    groups = rule_groups()
    rules = tmp_path / "rules.yaml"
    rules.write_text(yaml.safe_dump({"groups": groups}, allow_unicode=True))
    checked = subprocess.run([promtool, "check", "rules", str(rules)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # the unit tests compare labels only: annotations (checked above) are left out of their copy of the rules
    bare = tmp_path / "bare.yaml"
    bare.write_text(
        yaml.safe_dump(
            {
                "groups": [
                    {**g, "rules": [{k: v for k, v in r.items() if k != "annotations"} for r in g["rules"]]}
                    for g in groups
                ]
            }
        )
    )
    alerts = [r["alert"] for g in groups for r in g["rules"]]
    assert set(FIRING) == set(alerts)
    tests = []
    for alert, (values, labels) in FIRING.items():
        tests.append(
            {
                "interval": "1m",
                "input_series": _series(values),
                "alert_rule_test": [
                    {
                        "eval_time": "35m",
                        "alertname": alert,
                        "exp_alerts": [{"exp_labels": {"namespace": NAMESPACE, **labels}}],
                    }
                ],
            }
        )
    tests.append(
        {
            "interval": "1m",
            "input_series": _series(HEALTHY),
            "alert_rule_test": [{"eval_time": "35m", "alertname": alert, "exp_alerts": []} for alert in alerts],
        }
    )
    other = {
        f'{k.split("{")[0]}{{namespace="elsewhere"{"," + k.split("{", 1)[1][:-1] if "{" in k else ""}}}': v
        for values, _ in FIRING.values()
        for k, v in values.items()
    }
    tests.append(
        {
            "interval": "1m",  # another namespace's troubles are its own release's
            "input_series": [{"series": k, "values": v} for k, v in other.items()],
            "alert_rule_test": [{"eval_time": "35m", "alertname": alert, "exp_alerts": []} for alert in alerts],
        }
    )
    spec = tmp_path / "tests.yaml"
    spec.write_text(yaml.safe_dump({"rule_files": [str(bare)], "evaluation_interval": "1m", "tests": tests}))
    tested = subprocess.run([promtool, "test", "rules", str(spec)], capture_output=True, text=True, timeout=120)
    assert tested.returncode == 0, tested.stdout[-4000:] + tested.stderr[-2000:]


# --- the metrics behind them ----------------------------------------------------------------------------------------
def test_line_latency_and_the_reply_queue_are_measured(line_stub, knowledge):
    from prometheus_client import REGISTRY

    from tests.conftest import app_for

    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    count = sample("monsterbot_line_request_seconds_count", result="ok")
    total = sample("monsterbot_line_request_seconds_sum", result="ok")
    line_stub.delay = 1.0  # each reply takes LINE at least a second
    line_stub.hold()  # and none is answered until the test says so
    app = app_for(settings_for(line_stub), runtime_for(knowledge))
    body = json.dumps(payload(text_event("火龍"))).encode()
    try:
        response = app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})
        assert response.status_code == 200  # LINE is slower than the webhook's hold: the reply is still on its way
        assert sample("monsterbot_reply_queue_depth") == 1  # held while LINE takes its time
    finally:
        line_stub.release()
    app.extensions["monsterbot"]["dispatcher"].drain()
    assert sample("monsterbot_reply_queue_depth") == 0
    assert sample("monsterbot_line_request_seconds_count", result="ok") == count + 1
    assert sample("monsterbot_line_request_seconds_sum", result="ok") - total >= 1.0


# --- logs -----------------------------------------------------------------------------------------------------------
@contextlib.contextmanager
def json_log_lines() -> Iterator[list[dict]]:
    """The package's JSON log lines written inside the block (the list is filled as the block ends)."""
    from monsterbot import logs

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    package = logging.getLogger("monsterbot")
    package.addHandler(handler)
    level = package.level
    package.setLevel(logging.INFO)
    lines: list[dict] = []
    try:
        yield lines
    finally:
        package.removeHandler(handler)
        package.setLevel(level)
        lines += [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_json_line_tells_its_own_time_to_the_millisecond_within_a_second_and_across_seconds():
    """The formatter keeps the time's text down to the second between lines of one second: each line still tells its
    own milliseconds, and a line of the next second (or an earlier one, from another thread) its own second."""
    from monsterbot import logs

    formatter = logs.JsonFormatter()

    def stamp(created: float) -> str:
        record = logging.makeLogRecord({"msg": "m", "created": created, "msecs": round(created % 1 * 1000) + 0.0})
        return json.loads(formatter.format(record))["time"]

    assert [stamp(t) for t in (1765000000.25, 1765000000.5, 1765000001.0, 1764999999.999)] == [
        "2025-12-06T05:46:40.250Z",
        "2025-12-06T05:46:40.500Z",
        "2025-12-06T05:46:41.000Z",
        "2025-12-06T05:46:39.999Z",
    ]


def test_every_line_of_a_webhook_call_carries_its_request_id_and_each_events_its_event_id(line_stub, knowledge):
    """Two events in one call: the lines about each (the answer, and LINE's refusal logged on the loop while the reply
    was sent) carry that event's id; every line of the call carries one request id."""
    from tests.conftest import app_for

    line_stub.status = 400  # LINE refuses the replies: the warning is written by the reply's task, on the loop
    app = app_for(settings_for(line_stub), runtime_for(knowledge))  # (it sets the package's logging up)
    events = [text_event("火龍"), text_event("rathian")]
    with json_log_lines() as lines:
        body = json.dumps(payload(*events)).encode()
        assert (
            app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)}).status_code == 200
        )
        app.extensions["monsterbot"]["dispatcher"].drain()
    ids = [event["webhookEventId"] for event in events]
    about = {event_id: [line for line in lines if line.get("event_id") == event_id] for event_id in ids}
    for event_id in ids:
        messages = [line["message"] for line in about[event_id]]
        assert "answered" in messages and any(m.startswith("LINE rejected the reply") for m in messages), messages
    assert len({line["request_id"] for line in lines}) == 1 and all(line.get("request_id") for line in lines)
    assert all(
        line.get("event_id") in ids
        for line in lines
        if line["logger"] != "monsterbot.web.webhook" or line["message"] == "answered"
    )


@pytest.mark.parametrize(
    ("given", "kept"),
    [("ingress-7f3a.1:2", True), ("x" * 64, True), ("x" * 65, False), ('a" level="x', False), ("a b", False)],
)
def test_a_plain_x_request_id_is_the_log_lines_request_id(line_stub, knowledge, given, kept):
    """A proxy's X-Request-Id follows the call into the bot's log when it is a plain token of at most 64 characters;
    anything else gets an id of the bot's own."""
    from tests.conftest import app_for

    app = app_for(settings_for(line_stub), runtime_for(knowledge))
    with json_log_lines() as lines:
        body = json.dumps(payload(text_event("火龍"))).encode()
        headers = {"X-Line-Signature": sign(body), "X-Request-Id": given}
        assert app.test_client().post("/callback", data=body, headers=headers).status_code == 200
        app.extensions["monsterbot"]["dispatcher"].drain()
    [request_id] = {line["request_id"] for line in lines}
    assert request_id == given if kept else re.fullmatch("[0-9a-f]{16}", request_id)


def test_gunicorns_own_lines_are_json_and_its_access_log_stays_off():
    from gunicorn.config import Config

    from monsterbot import logs

    logger = logs.gunicorn_logger("json")(Config())
    [handler] = logger.error_log.handlers
    record = logging.LogRecord("gunicorn.error", logging.INFO, __file__, 1, "Booting worker with pid: %s", (42,), None)
    line = json.loads(handler.format(record))
    assert line["message"] == "Booting worker with pid: 42" and line["logger"] == "gunicorn.error"
    assert logger.access_log_enabled is False  # no access fields built per request unless GUNICORN_ACCESS_LOG is set
    text = logs.gunicorn_logger("text")(Config())
    assert not isinstance(text.error_log.handlers[0].formatter, logs.JsonFormatter)
