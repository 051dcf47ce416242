"""The thresholds a page's layout is read with: one record, each threshold named and documented.

A table is assembled in stages, and every judgement of distance or length they make is one of
the fields below, never a number written into the stage's code:

1. **rules and columns** (:mod:`gongkai.readers.pdf`): glyphs become text segments (``latin_space``,
   ``overprint``, ``segment_gap``, ``figure_gap``), drawn strokes become rules (``thin_rule``,
   ``straight``, ``background_share``) that meet in grids (``ruling_tolerance``, ``rule_cover``:
   a rule missing under some columns leaves those cells unbounded, not the grid unread); rows of
   segments aligned without rules become columns while they are no further apart than
   ``row_gap``; running headers and page numbers are told apart by where they stand
   (``top_margin``, ``header_band``, ``edge_lines``);
2. **header band** (:mod:`gongkai.segment`): a table starts at its title (no longer than
   ``max_title``; a title wrapped over two lines has a second line no longer than
   ``max_wrapped_title``) and its header is the lines above the first row of amounts;
3. **rows**: a line of cells is a row of a table while its cells are short (``max_cell``); rows
   cut by a page break are joined again (:mod:`gongkai.assembly.breaks`);
4. **cells**: each row's texts are aligned to the header's columns by their boxes
   (:mod:`gongkai.assembly.align`);
5. **identification** (:mod:`gongkai.identify`): by title, title variant, structure or the table
   of contents (whose entries are no longer than ``max_contents_entry``);
6. **column mapping**: printed headers to canonical columns (``spec/tables.toml``).

A new layout is a different setting or a new stage, not another branch inside one. The settings in
force are :data:`DEFAULT` unless a caller chooses others for one parse::

    >>> import gongkai
    >>> from gongkai.settings import Settings
    >>> loose = Settings(row_gap=3.5)    # rows printed with more white space between them
    >>> gongkai.parse("disclosure.pdf", settings=loose)   # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import attrs


def _setting(default: float, unit: str, doc: str) -> float:
    return attrs.field(default=default, metadata={"unit": unit, "doc": doc})


def _count(default: int, unit: str, doc: str) -> int:
    return attrs.field(default=default, metadata={"unit": unit, "doc": doc})


@attrs.frozen(kw_only=True)
class Settings:
    """The layout thresholds; every field is documented in its ``metadata["doc"]`` and in
    ``docs/plugins.md``. Sizes are multiples of the type size of the text they measure.

    Example::

        >>> import attrs
        >>> from gongkai.plugin import Settings
        >>> loose = Settings(row_gap=3.5)
        >>> loose.row_gap, Settings().row_gap, attrs.evolve(loose, max_cell=40).max_cell
        (3.5, 2.5, 40)
    """

    # 1. rules and columns
    ruling_tolerance: float = _setting(2.0, "points", "rules this close are one rule, and rules this close touch")
    thin_rule: float = _setting(2.0, "points", "a filled rectangle no thicker than this is drawn as a rule")
    straight: float = _setting(0.5, "points", "a stroke whose ends differ by no more than this across is straight")
    rule_cover: float = _setting(
        0.6, "share", "a rule bounds a cell where it runs along at least this share of the cell's side"
    )
    background_share: float = _setting(
        0.8, "page area", "a drawn rectangle larger than this share of the page is a background, not a table"
    )
    overprint: float = _setting(0.2, "sizes", "a glyph drawn again within this of itself is fake bold, read once")
    latin_space: float = _setting(0.3, "sizes", "a gap wider than this between two Latin or digit glyphs is a space")
    segment_gap: float = _setting(1.5, "sizes", "a gap wider than this between two glyphs separates two cells")
    figure_gap: float = _setting(0.6, "sizes", "a gap wider than this between a figure and a word separates cells")
    wrap_gap: float = _setting(
        0.5, "sizes", "a line set closer than this under another carries on its text (a wrapped word or name)"
    )
    row_gap: float = _setting(2.5, "sizes", "white space between two rows of one unruled table is narrower than this")
    top_margin: float = _setting(
        0.12, "page height", "the share of the page at its top and bottom where only running headers and numbers stand"
    )
    header_band: float = _setting(
        0.05, "page height", "the share at the very top where a running header stands above a continued table"
    )
    edge_lines: int = _count(2, "lines", "page furniture is among this many first and last lines of a page")
    garbled_share: float = _setting(0.5, "share", "more undecodable glyphs than this share: the text is not readable")
    line_share: float = _setting(
        0.5, "share", "two runs of text whose heights share more than this of the taller one's are on one line"
    )
    line_core: float = _setting(
        0.25, "share", "a glyph joins a line when its middle lies at least this share of the line's height inside it"
    )
    below_slack: float = _setting(0.2, "sizes", "a word still counts as below another when it rises this far into it")
    centre_slack: float = _setting(
        0.1, "share", "a header is centred over columns when off their middle by at most a size or this share of them"
    )
    header_reach: float = _setting(
        4.0, "sizes", "a header over columns reaches this far beyond its words on either side"
    )
    column_cover: float = _setting(
        0.5, "share", "a word stands in a column when it overlaps more than this share of the narrower of the two"
    )
    rule_split_gap: float = _setting(
        0.3, "sizes", "two words closer than a segment gap are still two cells when a rule between them is wider apart"
    )
    grid_overhang: float = _setting(
        3.0, "ruling tolerances", "rules reaching this far past the outermost cross rule bound an open table's side"
    )
    furniture_pages: int = _count(3, "pages", "a running header or footer stands on at least this many pages")
    furniture_share: float = _setting(1 / 3, "share", "… and on at least this share of the document's pages")
    # 2.–3. header band and rows
    max_title: int = _count(60, "characters", "a longer line is a sentence, not a table's title")
    max_wrapped_title: int = _count(
        12, "characters", "the second line of a title wrapped over two lines is no longer than this"
    )
    header_word_chars: int = _count(
        6, "characters", "a header word on a line of its own above an unruled table's header is no longer than this"
    )
    max_cell: int = _count(30, "characters", "a longer text in a line of cells is running text, not a table's")
    max_notes: int = _count(12, "lines", "at most this many lines of notes (注：…) follow a table")
    max_contents_entry: int = _count(50, "characters", "a longer line is text, not an entry of the 目录")
    sentence_chars: int = _count(80, "characters", "a line longer than this is running text even without a 。 or ；")
    max_title_line: int = _count(
        72, "characters", "a longer line is no table title, even with the body's name and the year before it"
    )
    title_reach: int = _count(
        3, "lines", "a title's wrapped part, or the table number printed above it, is within this many lines"
    )


#: The thresholds gongkai reads documents with unless told otherwise.
DEFAULT = Settings()

_CURRENT: contextvars.ContextVar[Settings] = contextvars.ContextVar("gongkai_settings", default=DEFAULT)


def current() -> Settings:
    """The settings in force: those of the innermost :func:`using`, else :data:`DEFAULT`."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(settings: Settings) -> Iterator[Settings]:
    """Read documents with ``settings`` inside the ``with`` block (per thread and task)."""
    token = _CURRENT.set(settings)
    try:
        yield settings
    finally:
        _CURRENT.reset(token)
