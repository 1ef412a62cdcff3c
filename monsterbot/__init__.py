"""monsterbot: a LINE chatbot that answers Monster Hunter weakness questions."""

__version__ = "0.1.0"
