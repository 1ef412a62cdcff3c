"""line-bot-sdk's modules monsterbot uses, imported without what their packages' `__init__` imports besides.

Importing one model, `linebot.v3.messaging.models.flex_box`, runs `linebot/__init__` (the v2 API, with requests),
`linebot/v3/__init__` (the v2-style webhook handler, and through it every webhook API client), `linebot/v3/messaging/
__init__` (every Messaging API client: ~100 methods, each wrapped by a pydantic validator made at import) and
`linebot/v3/messaging/models/__init__` (~500 models): most of a cold start's CPU, for the few models replies are built
with (`messaging`) and the webhook's events (`webhooks`, whose models package is imported whole: the SDK's parser looks
each event's class up there).

Those packages are made here without running their `__init__`, before any of their modules is imported. Each keeps
its layout: asked for a name it does not hold yet (code importing `linebot.v3.messaging` as the SDK documents,
`from linebot.v3.messaging import MessagingApi`), a package runs its own `__init__` then, once, and answers. Only the
SDK's own packages are deferred: pydantic, whose v1 models the SDK's are, is imported as it is (deferring its
`__init__` saved ~20 ms and ~4 MB, too little to reach into the store's foundation).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from typing import Any

#: The packages whose `__init__` runs only when one of them is asked for a name it does not hold, parents first.
DEFERRED = ("linebot", "linebot.v3", "linebot.v3.messaging", "linebot.v3.messaging.models", "linebot.v3.webhooks")


def _defer_init(name: str) -> None:
    """Put package `name` in `sys.modules` without running its `__init__` (unless it is imported already)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        raise ImportError(f"{name} is not an importable package")
    loader, package = spec.loader, importlib.util.module_from_spec(spec)
    lock, ran = threading.RLock(), False

    def complete(attribute: str) -> Any:
        """A name the package does not hold: a submodule imported as any is (never behind the lock below: an import
        holding a submodule's lock may be what the `__init__` waits for, a deadlock Python's import system cannot
        see); else its `__init__` run (once it succeeded; other threads wait for it), then the name looked up again
        (within the `__init__` itself, a name it has not made yet is missing, as in any package being imported)."""
        nonlocal ran
        if importlib.util.find_spec(f"{name}.{attribute}") is not None:
            return importlib.import_module(f"{name}.{attribute}")
        with lock:
            if not ran:
                loader.exec_module(package)
                ran = True
        try:
            return package.__dict__[attribute]
        except KeyError:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}") from None

    package.__getattr__ = complete  # type: ignore[method-assign]
    sys.modules[name] = package
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, package)


for _name in DEFERRED:
    _defer_init(_name)
