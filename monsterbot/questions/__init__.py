"""The kinds of question the bot answers, one module each, tried in the order declared in `order.py`.

Each kind is a `Handler` (context.py): `matches` says whether a message is its kind, `answer` decides what the bot
says as content (`core.answer.Answer`). Nothing here builds LINE messages: monsterbot/replies renders the content.
CONTRIBUTING.md says how to add a kind (one module here, one line of `order.ORDER`); tests/test_handlers.py shows it.
"""
