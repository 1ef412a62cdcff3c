"""Reading a knowledge file whole, or not at all.

A knowledge folder is written by people and tools while the bot reads it. A file is read only:
- inside the knowledge roots: a link out of them (to /etc/passwd, to a token) is refused, and never read;
- within the size cap, checked on the open file before a byte is read (a 400 MB file costs nothing);
- whole: its stamp (size, mtime, ctime, inode) is the same before and after the read, and it has been still for
  QUIET_SECONDS, so a file rewritten in place (truncated, then written) is not taken half written; one that keeps
  changing is tried again a few times, then reported, and the next check reads it.
A refusal says why in words, never with the file's content.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

MAX_FILE_BYTES = 800_000  # 200,000 characters of UTF-8 (schema.MAX_FILE_CHARS) take at most this
QUIET_SECONDS = 1.0  # a file modified more recently may still be being written (an editor, a sync, a slow disk)
TRIES = 5


class Unreadable(Exception):
    """A knowledge file that was not read; the message says why, never what it holds."""


def inside(file: str, roots: Iterable[Path]) -> bool:
    """Whether the file, its links followed, is one of the roots or under one of them."""
    real = os.path.realpath(file)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def settle(
    mtimes_ns: Iterable[int], clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep
) -> None:
    """Wait, once for a whole folder, until the newest of these files has been still for QUIET_SECONDS."""
    newest = max(mtimes_ns, default=0)
    age = clock() - newest / 1e9
    if 0 <= age < QUIET_SECONDS:
        sleep(QUIET_SECONDS - age)


def read_whole(
    file: str,
    roots: Sequence[Path] | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """The file's text, read whole (module docstring); Unreadable when it cannot be."""
    if roots is not None and not inside(file, roots):
        raise Unreadable("a link to a file outside the knowledge folders: not read")
    for _ in range(TRIES):
        try:
            with open(file, "rb") as handle:
                before = os.fstat(handle.fileno())
                if not stat.S_ISREG(before.st_mode):
                    raise Unreadable("not a regular file: not read")
                if before.st_size > MAX_FILE_BYTES:
                    raise Unreadable(
                        f"the file has {before.st_size} bytes, more than the {MAX_FILE_BYTES} allowed: not read"
                    )
                age = clock() - before.st_mtime_ns / 1e9
                if 0 <= age < QUIET_SECONDS:  # written a moment ago: perhaps still being written
                    sleep(QUIET_SECONDS - age)
                    continue
                data = handle.read(MAX_FILE_BYTES + 1)
            after = os.stat(file)
        except OSError as exc:
            raise Unreadable(f"cannot read: {exc.strerror or type(exc).__name__}") from None
        if stamp_of(before) == stamp_of(after) and len(data) == before.st_size:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise Unreadable(f"not UTF-8 text (byte {exc.start})") from None
    raise Unreadable(f"the file kept changing while it was read ({TRIES} tries): read again at the next check")


def stamp_of(info: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file may have changed: size, mtime and ctime (ns: ctime moves on every write, even one that
    restores the mtime), inode."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino
