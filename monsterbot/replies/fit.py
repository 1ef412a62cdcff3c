"""Fitting a long Flex table into what LINE accepts: one bubble, or a carousel of pages.

A bubble's JSON is limited to 30 KB and a carousel's to 50 KB of at most 12 bubbles
(replies/line_rules.py). A table whose rows do not fit one bubble is split over the fewest
pages; when even a carousel cannot hold it, the next, more condensed layout of the same rows
is tried. Every row stays in the answer.
"""

from __future__ import annotations

import logging
from typing import Callable, Sequence

from monsterbot.line_sdk.messaging import FlexBubble, FlexCarousel, FlexComponent, FlexMessage, QuickReply
from monsterbot.replies.line_rules import BUBBLE_MAX_BYTES, json_size, message_errors
from monsterbot.replies.wire import to_data

log = logging.getLogger(__name__)

#: page(rows, number, count) → a bubble with those rows, marked "number/count" when count > 1.
Page = Callable[[Sequence[FlexComponent], int, int], FlexBubble]
#: The rows of a table and how a page of them looks, built when asked for.
Layout = Callable[[], tuple[Sequence[FlexComponent], Page]]

_SLACK = 64  # bytes kept free on a page for its "n/m" mark


def fitted(alt_text: str, layouts: Sequence[Layout], quick_reply: QuickReply | None = None) -> FlexMessage:
    """A Flex message of the first layout LINE accepts: one bubble when it fits, else a carousel of pages."""
    for layout in layouts:
        rows, page = layout()
        message = FlexMessage(alt_text=alt_text, contents=page(rows, 1, 1), quick_reply=quick_reply)
        json = to_data(message)
        if json_size(json["contents"]) > BUBBLE_MAX_BYTES:
            pages = split_pages(rows, page)
            message = FlexMessage(
                alt_text=alt_text,
                quick_reply=quick_reply,
                contents=FlexCarousel(
                    contents=[page(part, number, len(pages)) for number, part in enumerate(pages, 1)]
                ),
            )
            json = to_data(message)
        if not message_errors(json):
            return message
    log.warning("a table does not fit LINE's limits in any layout", extra={"alt": alt_text[:80]})
    return message


def split_pages(rows: Sequence[FlexComponent], page: Page) -> list[list[FlexComponent]]:
    """Rows in order over the fewest pages that each stay under LINE's bubble limit, about as long as each other."""
    budget = BUBBLE_MAX_BYTES - json_size(to_data(page([], 1, 2))) - _SLACK
    sizes = [json_size(to_data(row)) + 2 for row in rows]  # + ", " between rows
    greedy: list[list[int]] = [[]]
    used = 0
    for index, size in enumerate(sizes):
        if greedy[-1] and used + size > budget:
            greedy.append([])
            used = 0
        greedy[-1].append(index)
        used += size
    per_page = -(-len(rows) // len(greedy))
    even = [list(range(start, min(start + per_page, len(rows)))) for start in range(0, len(rows), per_page)]
    chosen = even if len(even) == len(greedy) and all(sum(sizes[i] for i in p) <= budget for p in even) else greedy
    return [[rows[i] for i in p] for p in chosen]
