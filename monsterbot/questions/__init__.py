"""The kinds of question the bot answers, one module each, tried in the order declared in `order.py`.

Each kind is a `Handler` (context.py): `matches` says whether a message is its kind, `answer` decides what the bot
says as content (`core.answer.Answer`). Nothing here builds LINE messages: monsterbot/replies renders the content.
HANDLERS.md in the coordination notes and CONTRIBUTING.md say how to add a kind.
"""
