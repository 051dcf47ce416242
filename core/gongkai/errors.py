"""Errors a user can act on, each with the command-line exit code it maps to.

The message of every error is one line that names the file and the reason; the CLI prints it to
stderr as ``gongkai: <message>`` with no traceback.
"""

from __future__ import annotations

import unicodedata


def printable(name: str) -> str:
    """``name`` as it can be shown on one line: quoted with escapes if it holds control characters."""
    # repr escapes control characters and the surrogates that undecodable file-name bytes become
    return repr(name) if any(unicodedata.category(char) in ("Cc", "Cs") for char in name) else name


class GongkaiError(Exception):
    """Base class of all errors gongkai reports to users."""

    exit_code = 1

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{printable(source)}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # so that errors raised in worker processes come back whole
        return (type(self), (self.source, self.reason))


class InputError(GongkaiError):
    """The input cannot be read as a document: empty, binary, badly encoded, too large."""

    exit_code = 3


class LimitError(InputError):
    """The input is over a limit the user can raise: its size (``--max-size``), its number of
    pages (``--max-pages``), the time (``--timeout``) or the memory (``--max-memory``) it takes."""

    exit_code = 8


class EncryptedError(InputError):
    """The PDF is encrypted and cannot be opened without a password."""

    exit_code = 9


class NoTextError(InputError):
    """The PDF has no text layer (scanned pages): it needs OCR before gongkai can read it."""

    exit_code = 10


class GarbledTextError(InputError):
    """The PDF's text does not decode to characters (fonts without a usable ToUnicode map)."""

    exit_code = 11


class CorruptError(InputError):
    """The file is truncated or corrupt: its format's structure cannot be read."""

    exit_code = 12


class UnsafeInputError(InputError):
    """The file was refused as unsafe: entity declarations, external references, nesting too deep."""

    exit_code = 13


class NotADisclosureError(GongkaiError):
    """The input is readable but holds no standard budget or final-accounts table."""

    exit_code = 4


class OutputError(GongkaiError):
    """The output file cannot be written."""

    exit_code = 5


class InternalError(GongkaiError):
    """Parsing failed on something gongkai or a plugin did not expect: a bug to report."""

    exit_code = 7


class PluginError(Exception):
    """A plugin is broken: a hook that matches no specification, or two records with one name."""


class MissingExtraError(InputError):
    """A format needs an optional dependency that is not installed (``pip install 'gongkai[pdf]'``)."""

    exit_code = 3
