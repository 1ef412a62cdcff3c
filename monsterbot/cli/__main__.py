"""`python -m monsterbot.cli`: the `monsterbot` command."""

import sys

from monsterbot.cli import main

sys.exit(main())
