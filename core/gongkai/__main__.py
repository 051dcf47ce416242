"""``python -m gongkai``: the same command line as ``gongkai``."""

from .cli import run

run()
