"""line-bot-sdk's modules imported without their packages' `__init__` (monsterbot/line_sdk), the SDK's layout kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> None:
    """Run `code` in a new interpreter: what a process imports depends on what it imported before."""
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True, timeout=120)


def test_the_web_process_imports_the_models_it_uses_and_nothing_of_the_sdk_besides() -> None:
    _run(
        """
        import sys
        import monsterbot.web.app, monsterbot.web.asgi
        loaded = set(sys.modules)
        assert "linebot.v3.messaging.models.flex_box" in loaded and "linebot.v3.webhooks.models" in loaded
        for left_out in ("linebot.api", "linebot.v3.webhook", "linebot.v3.messaging.api", "linebot.v3.webhooks.api",
                         "linebot.v3.messaging.models.bot_info_response", "requests", "urllib3"):
            assert left_out not in loaded, left_out
        """
    )


def test_a_deferred_package_runs_its_init_when_asked_for_a_name_and_keeps_the_same_classes() -> None:
    _run(
        """
        from monsterbot.line_sdk.messaging import FlexBox, sdk_version
        from monsterbot.line_sdk.webhooks import Event
        import linebot, linebot.v3.messaging
        from linebot.v3.messaging import FlexBox as Documented, MessagingApi
        from linebot.v3.webhooks import Event as DocumentedEvent, Dummy
        from linebot.v3 import WebhookHandler, WebhookParser
        assert Documented is FlexBox and DocumentedEvent is Event and linebot.__version__ == sdk_version
        assert MessagingApi.__module__ == "linebot.v3.messaging.api.messaging_api"
        assert Dummy and WebhookParser and WebhookHandler
        try:
            linebot.v3.messaging.NoSuchName
        except AttributeError as exc:
            assert "NoSuchName" in str(exc)
        else:
            raise AssertionError("a missing name was found")
        """
    )


def test_a_package_imported_whole_before_is_left_as_it_is() -> None:
    _run(
        """
        import linebot.v3.messaging
        from monsterbot.line_sdk.messaging import FlexBox
        assert linebot.v3.messaging.FlexBox is FlexBox and "__getattr__" not in vars(linebot.v3.messaging)
        """
    )


def test_two_threads_importing_the_sdk_at_once_never_deadlock() -> None:
    """One thread runs a deferred `__init__` (asked for MessagingApi), which imports the API client; another imports
    that client, which asks the package for a submodule (`rest`): neither may wait on the other."""
    _run(
        """
        import os, sys, threading
        import monsterbot.line_sdk.messaging
        barrier = threading.Barrier(2)

        def by_name():
            barrier.wait()
            from linebot.v3.messaging import MessagingApi

        def by_module():
            barrier.wait()
            import linebot.v3.messaging.api_client

        threads = [threading.Thread(target=job, daemon=True) for job in (by_name, by_module)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)  # a hang guard: both imports take well under a second
        hung = any(thread.is_alive() for thread in threads)
        print("deadlocked" if hung else "imported", flush=True)
        os._exit(1 if hung else 0)
        """
    )
