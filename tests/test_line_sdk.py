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
