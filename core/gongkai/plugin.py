"""Everything a plugin needs, in one module: the hook marker, every type a hook takes or returns,
and the helpers for the common layout quirks.

A plugin imports from ``gongkai`` and ``gongkai.plugin`` only; the modules behind them may move.
The hooks themselves, with when each is called and an example, are in :mod:`gongkai.hookspecs`
(and ``docs/plugins.md``, generated from it).

A region in one file::

    from gongkai.plugin import RegionProfile, hookimpl

    PROFILE = RegionProfile(name="hainan", province="海南省", cities=("海口市", "三亚市"))

    @hookimpl
    def gongkai_regions():
        return [PROFILE]

The types, by the hook that uses them:

* registration records — :class:`Reader` (reads bytes into a :class:`Layout` of :class:`Line`),
  :class:`Renderer` (prints a :class:`Sheet`), :class:`Exporter`, :class:`Check` (run with a
  :class:`CheckContext`, returns :class:`Finding`), :class:`RegionProfile` with its
  :class:`Conventions`, and :class:`Limits`;
* ``gongkai_detect_region`` — :class:`DetectionContext` in, :class:`RegionClaim` (with a
  :class:`Region`) out;
* ``gongkai_identify_table`` — a :class:`TableBlock` in, an :class:`Identification` out
  (``BY_*`` say how it was known);
* ``gongkai_map_column`` — a :class:`CanonicalTable` (its :class:`CanonicalColumn`) and a
  :class:`HeaderCell` in, a column id out;
* ``gongkai_repair_table`` — a :class:`Table` (:class:`Row`, :class:`Cell`, :class:`Column`) in
  and out; :func:`transpose_items`, :func:`item_of_header` and :func:`join_code_and_name_rows`
  undo the common quirks;
* ``gongkai_adjust_identities`` — :class:`Identity` records (:func:`parse_identities` reads the
  TOML of ``spec/identities.toml``); ``gongkai_adjust_phrases`` — :class:`Phrases`.

A profile's numbering starts from the national one: :func:`national_numbering` gives the national
公开01–09 of a kind of document, with the region's own numbers laid over it.
"""

from __future__ import annotations

from .canonical import CanonicalColumn, CanonicalTable, load_spec, national_numbering, normalise_header
from .checks.identities import Identity, Selector, load_identities, parse_identities
from .hookspecs import hookimpl
from .identification import BY_CONTENTS, BY_NUMBER, BY_PLUGIN, BY_STRUCTURE, BY_TITLE, BY_TITLE_VARIANT, Identification
from .layout import Layout, Line, LineKind
from .phrases import Phrases, Ref, Restate, Scope, load_phrases
from .registrations import (
    Check,
    CheckContext,
    Conventions,
    DetectionContext,
    Exporter,
    HeaderCell,
    Limits,
    Reader,
    RegionClaim,
    RegionProfile,
    Renderer,
)
from .rendering.sheet import Grid, Heading, Paragraph, Sheet, Span
from .repairs import item_of_header, join_code_and_name_rows, transpose_items
from .schema import Cell, CellStatus, Column, Document, Finding, Provenance, Region, Row, Severity, Table
from .segment import TableBlock
from .settings import Settings

__all__ = [
    "BY_CONTENTS",
    "BY_NUMBER",
    "BY_PLUGIN",
    "BY_STRUCTURE",
    "BY_TITLE",
    "BY_TITLE_VARIANT",
    "CanonicalColumn",
    "CanonicalTable",
    "Cell",
    "CellStatus",
    "Check",
    "CheckContext",
    "Column",
    "Conventions",
    "DetectionContext",
    "Document",
    "Exporter",
    "Finding",
    "Grid",
    "HeaderCell",
    "Heading",
    "Identification",
    "Identity",
    "Layout",
    "Limits",
    "Line",
    "LineKind",
    "Paragraph",
    "Phrases",
    "Provenance",
    "Reader",
    "Ref",
    "Region",
    "RegionClaim",
    "RegionProfile",
    "Renderer",
    "Restate",
    "Row",
    "Scope",
    "Selector",
    "Settings",
    "Severity",
    "Sheet",
    "Span",
    "Table",
    "TableBlock",
    "hookimpl",
    "item_of_header",
    "join_code_and_name_rows",
    "load_identities",
    "load_phrases",
    "load_spec",
    "national_numbering",
    "normalise_header",
    "parse_identities",
    "transpose_items",
]
