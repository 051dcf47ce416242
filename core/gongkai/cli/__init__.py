"""The ``gongkai`` command line: ``parse``, ``check``, ``render``, ``batch`` and ``plugins``; also
``python -m gongkai``.

Its arguments are in :mod:`~gongkai.cli.arguments`, the subcommands in
:mod:`~gongkai.cli.commands`, reading the files in :mod:`~gongkai.cli.documents` and writing the
output in :mod:`~gongkai.cli.output`; the exit codes in :mod:`~gongkai.cli.exits`.
"""

from __future__ import annotations

import io
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Optional

from ..errors import PluginError
from ..logs import quiet_libraries
from ..manager import Registry, default_plugin_manager
from ..rendering import NATIONAL
from .arguments import CHECK_FORMATS, parser
from .commands import batch_command, check_command, parse_command, plugins_command, render_command
from .exits import EXIT_BROKEN_PLUGIN, EXIT_CODES, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .output import error, stdout_closed

__all__ = ["CHECK_FORMATS", "EXIT_CODES", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main", "run"]


def _terminate_as_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # so that an output being written is removed, as on Ctrl-C


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv[1:]); returns the exit code.
    SIGTERM stops it as Ctrl-C does: exit code 130, no partial output file."""
    quiet_libraries()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    try:
        registry = Registry.collect(default_plugin_manager())
    except PluginError as failure:
        error(f"broken plugin: {failure}")
        return EXIT_BROKEN_PLUGIN
    args = parser(
        [e.record.name for e in registry.exporters],
        [e.record.name for e in registry.renderers],
        [NATIONAL.name] + [e.record.name for e in registry.regions],
    ).parse_args(argv)
    try:
        if args.command == "parse":
            return parse_command(args, registry)
        if args.command == "check":
            return check_command(args)
        if args.command == "render":
            return render_command(args, registry)
        if args.command == "batch":
            return batch_command(args, registry)
        return plugins_command(registry, sys.stdout)
    except BrokenPipeError:  # a write to standard output other than the command's output's
        closed = stdout_closed()
        error(str(closed))
        return closed.exit_code
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED


def run() -> None:
    """Console-script entry point: output is UTF-8 whatever the locale, as the CSV and JSON contracts say."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
