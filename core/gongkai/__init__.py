"""gongkai (公开): Chinese government budget and final-accounts disclosures as exact, structured data.

    >>> import gongkai
    >>> document = gongkai.parse("disclosure.txt")          # doctest: +SKIP
    >>> document.table("expenditure").find(code="2101501")  # doctest: +SKIP
    >>> rows = list(gongkai.records(document))              # doctest: +SKIP
    >>> [f.message for f in gongkai.check(document)]       # doctest: +SKIP

Plugins implement the hooks of :mod:`gongkai.hookspecs`, marked with :data:`hookimpl`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .checks.engine import check
from .errors import GongkaiError, InputError, NotADisclosureError
from .hookspecs import hookimpl
from .identification import Identification
from .pipeline import parse
from .registrations import (
    Check,
    CheckContext,
    Conventions,
    DetectionContext,
    Exporter,
    Limits,
    Reader,
    RegionClaim,
    RegionProfile,
    Renderer,
)
from .rendering import render
from .schema import (
    Cell,
    CellStatus,
    Column,
    ContentsEntry,
    Coverage,
    Document,
    Finding,
    MissingTable,
    Provenance,
    Region,
    Row,
    Severity,
    Table,
    TextLine,
    UnreadTable,
)
from .settings import Settings
from .summary import summary_line
from .tidy import records
from .together import combine, parse_together

__all__ = [
    "Cell",
    "CellStatus",
    "Check",
    "CheckContext",
    "Column",
    "ContentsEntry",
    "Conventions",
    "Coverage",
    "DetectionContext",
    "Document",
    "Exporter",
    "Finding",
    "GongkaiError",
    "Identification",
    "InputError",
    "Limits",
    "MissingTable",
    "NotADisclosureError",
    "Provenance",
    "Reader",
    "Region",
    "RegionClaim",
    "RegionProfile",
    "Renderer",
    "Row",
    "Settings",
    "Severity",
    "Table",
    "TextLine",
    "UnreadTable",
    "__version__",
    "check",
    "combine",
    "hookimpl",
    "parse",
    "parse_together",
    "records",
    "render",
    "summary_line",
]
