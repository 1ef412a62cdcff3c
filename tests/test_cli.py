"""The monsterbot command as editors and scripts use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, KNOWLEDGE, REPO


def run(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monsterbot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )


def test_ask_json_reads_queries_from_stdin_in_order():
    queries = ["火龍", "火龙", "rathlos", "リオレウス", "雌火龍", "rathalos weakness?", "rath", "今天吃火鍋"]
    done = run("ask", "--json", stdin="\n".join(queries) + "\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["query"] for a in answers] == queries
    assert [a["monsters"][0]["id"] if a["kind"] == "weakness" else None for a in answers] == [
        "rathalos",
        "rathalos",
        "rathalos",
        "rathalos",
        "rathian",
        "rathalos",
        None,
        None,
    ]
    assert answers[0]["monsters"][0]["names"]["zh-TW"] == "火龍" and answers[0]["score"] == 100.0
    assert answers[0]["monsters"][0]["facts"]["elements"]  # the facts the card shows, as data
    assert answers[6]["kind"] == "which_one" and {m["id"] for m in answers[6]["monsters"]} >= {"rathalos", "rathian"}
    assert answers[7]["kind"] == "not_found" and answers[7]["monsters"] == []


def test_ask_json_gives_tables_lists_and_comparisons_as_data():
    done = run("ask", "--json", "world 火龍 肉質", "world 哪些魔物怕龍", "火龍 vs 雌火龍")
    table, reverse, compare = (json.loads(line) for line in done.stdout.splitlines())
    assert table["kind"] == "hitzones" and table["game"] == "world"
    assert {"part", "cut", "impact", "shot"} <= set(table["monsters"][0]["facts"]["hitzones"][0])
    assert reverse["kind"] == "reverse" and reverse["topic"] == "dragon" and reverse["ranking"][0]["stars"] == 3
    assert compare["kind"] == "compare" and [m["id"] for m in compare["monsters"]] == ["rathalos", "rathian"]


def test_ask_json_gives_only_the_fields_asked_for():
    done = run("ask", "--json", "--fields", "outcome,monsters", "火龍", "今天吃火鍋")
    assert done.returncode == 0, done.stderr
    found, missed = (json.loads(line) for line in done.stdout.splitlines())
    assert set(found) == {"query", "outcome", "monsters"} and found["monsters"][0]["id"] == "rathalos"
    assert missed == {"query": "今天吃火鍋", "outcome": "miss", "monsters": []}
    refused = run("ask", "--json", "--fields", "outcome,colour", "火龍")
    assert refused.returncode == 2 and "unknown field colour" in refused.stderr


def test_ask_prints_the_answer_as_the_bot_would():
    done = run("ask", "火龍")
    assert done.returncode == 0
    assert "Rathalos" in done.stdout and "★★★" in done.stdout and "屬性弱點" in done.stdout


def test_chat_converses_on_stdin():
    done = run("chat", stdin="rath\n火龍\n")
    assert "Rathalos" in done.stdout and "[Rathian]" in done.stdout


def test_chat_in_a_group_is_silent_on_chatter():
    done = run("chat", "--chat", "group", stdin="今天吃火鍋\n")
    assert "(silent)" in done.stdout


def test_validate_passes_on_the_repo_knowledge():
    done = run("validate", "--strict", str(KNOWLEDGE))
    assert done.returncode == 0, done.stdout


def test_validate_fails_with_file_line_column():
    done = run("validate", str(FIXTURES / "broken"))
    assert done.returncode == 1
    assert "stars-out-of-range.yaml:10:22: games.world.elements.fire must be 0–3, got 4" in done.stdout


def test_bad_knowledge_is_a_clear_error_for_ask():
    done = run("ask", "--knowledge", str(FIXTURES / "broken"), "火龍")
    assert done.returncode == 2
    assert "stars-out-of-range.yaml:10:22" in done.stderr


def test_development_mode_listens_on_loopback_only():
    """Without LINE credentials the webhook checks signatures with the published secret 'dev': never on a public
    port."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("LINE_")}
    done = subprocess.run(
        [sys.executable, "-m", "monsterbot.cli", "serve", "--host", "0.0.0.0"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "loopback only" in done.stderr, done.stderr
    assert "127.0.0.1" in (REPO / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]


def test_chat_presses_a_replys_buttons_and_mentions_the_bot_in_a_group():
    done = run("chat", "--chat", "group", stdin="rath\n@ rath\n/2\nsafi'jiiva hitzones\n/1\n哪些魔物怕火\n/11\n/99\n")
    replies = done.stdout.split("\n\n")
    assert replies[0] == "(silent)"  # "rath" in a group: not a confident answer
    assert "[Rathian]" in replies[1] and "Rathian — " in replies[2]  # mentioned: which one? then its second button
    table, full = replies[3], replies[4]
    assert "/1 [Full table" in table and "(Broken)" in full and "(Broken)" not in table  # "Full table": every state
    first, more = replies[5], replies[6]
    assert first.splitlines()[1].startswith("1. ") and more.splitlines()[1].startswith("11. ")  # "More ▸": page 2
    assert "(no button /99" in replies[7]


def test_help_names_every_command():
    from monsterbot.cli import build_parser

    parser = build_parser()
    commands = list(next(a for a in parser._actions if a.dest == "command").choices or ())
    first = (parser.description or "").split(". ")[0]
    assert len(commands) >= 15 and all(f"{c}," in first or f"{c})" in first for c in commands), first


def test_the_reading_commands_keep_a_data_dir_set_even_to_data(monkeypatch, tmp_path):
    from monsterbot.cli.common import reading_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MONSTERBOT_DATA_DIR", raising=False)
    assert reading_settings(None).data_dir == tmp_path / "monsterbot"  # unset: the user's cache, not ./data
    monkeypatch.setenv("MONSTERBOT_DATA_DIR", "data")
    assert reading_settings(None).data_dir == Path("data")  # set to the default's value: still what was asked
