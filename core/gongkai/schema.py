"""The abstract disclosure schema: immutable attrs value classes from a document down to a cell.

Every amount is a :class:`Cell` that keeps the printed text, an exact ``Decimal`` (or none), the
difference between a blank cell, a printed value and a not-applicable dash, and where it was printed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Optional

import attrs

from .identification import Identification


class CellStatus(str, enum.Enum):
    """What a printed amount cell holds: a number, nothing, or a not-applicable mark (—).

    Example::

        >>> from gongkai.plugin import CellStatus
        >>> CellStatus("not_applicable") is CellStatus.NOT_APPLICABLE, [status.value for status in CellStatus]
        (True, ['value', 'blank', 'not_applicable'])
    """

    VALUE = "value"
    BLANK = "blank"
    NOT_APPLICABLE = "not_applicable"


class Severity(str, enum.Enum):
    """How serious a finding is.

    Example::

        >>> from gongkai.plugin import Severity
        >>> Severity("warning") is Severity.WARNING, Severity.ERROR.value
        (True, 'error')
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Provenance:
    """Where something was printed: 1-based page (if the format has pages) and source line.

    ``bbox`` is the printed box (x0, top, x1, bottom, in points from the page's top left) for
    formats with geometry (PDF), else None. ``file`` names the file where a document was read
    from several (:func:`gongkai.parse_together`); None means the document's ``source``.

    Example::

        >>> from gongkai.plugin import Provenance
        >>> where = Provenance(page=3, line=120, bbox=(72.0, 100.5, 520.0, 112.0))
        >>> where.page, where.bbox[0], where.file
        (3, 72.0, None)
    """

    page: Optional[int] = None
    line: Optional[int] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    file: Optional[str] = None


@attrs.frozen
class Cell:
    """One amount cell of a row, under one canonical column.

    ``value`` is set exactly when ``status`` is VALUE; ``raw`` is the printed text, unaltered.

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Cell, CellStatus
        >>> cell = Cell(column="total", status=CellStatus.VALUE, raw="1,234.50", value=Decimal("1234.50"))
        >>> cell.value, cell.raw, cell.status is CellStatus.VALUE
        (Decimal('1234.50'), '1,234.50', True)
        >>> Cell(column="basic", status=CellStatus.NOT_APPLICABLE, raw="—").value is None
        True
    """

    column: str
    status: CellStatus
    raw: str
    value: Optional[Decimal] = None
    provenance: Provenance = Provenance()
    header: tuple[str, ...] = ()  # the printed header path above the cell, outer to inner


#: How a column's meaning was read (``Column.by``).
COLUMN_BY_HEADER = "header"  # its printed header names a canonical column (or a plugin mapped it)
COLUMN_BY_FALLBACK = "fallback"  # no header named it: the table's column for amounts of the document's kind
COLUMN_PRINTED = "printed"  # a printed column outside the catalogue, kept under its printed header


@attrs.frozen
class Column:
    """A column of a table with the header path printed above it (outer to inner).

    ``id`` is a canonical column id, or ``printed_N`` (N its printed position) for a column the
    catalogue does not know (``by`` is then :data:`COLUMN_PRINTED`): its amounts are kept, but no
    identity that would need to know what it holds is judged.

    Example::

        >>> from gongkai.plugin import Column
        >>> basic = Column(id="basic", header=("本年支出", "基本支出"), ordinal="2")
        >>> basic.header[-1], basic.understood, Column(id="printed_5", by="printed").understood
        ('基本支出', True, False)
    """

    id: str
    header: tuple[str, ...] = ()
    ordinal: Optional[str] = None  # the printed 栏次 number, if any
    by: str = COLUMN_BY_HEADER

    @property
    def understood(self) -> bool:
        """True if the column is one of the canonical table's (read by its header or a fallback)."""
        return self.by != COLUMN_PRINTED


@attrs.frozen
class Row:
    """A table row: a classification code and/or a printed label, and its amount cells.

    ``level`` is 1 for 类, 2 for 款, 3 for 项 (None for rows without a code); ``parent`` is the
    code one level up in the classification hierarchy, whether or not the table prints it.
    ``line_number`` is the printed 行次; ``group`` is the side-by-side group (0 = leftmost).

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Cell, CellStatus, Row
        >>> total = Cell(column="total", status=CellStatus.VALUE, raw="10.00", value=Decimal("10.00"))
        >>> row = Row(label="一般公共服务支出", cells=(total,), code="201", level=1)
        >>> row.cell("total").value, row.cell("basic")
        (Decimal('10.00'), None)
    """

    label: str
    cells: tuple[Cell, ...]
    code: Optional[str] = None
    level: Optional[int] = None
    parent: Optional[str] = None
    line_number: Optional[str] = None
    group: int = 0
    provenance: Provenance = Provenance()

    def cell(self, column: str) -> Optional[Cell]:
        """The cell under canonical column ``column``, or None if the row has none."""
        for cell in self.cells:
            if cell.column == column:
                return cell
        return None


@attrs.frozen
class Coverage:
    """How much of a printed table gongkai read, so a reader knows what the checks could judge.

    ``columns`` are the canonical columns read by their printed header, ``fallback`` those
    assigned without a header naming them, ``not_understood`` the printed headers of columns the
    catalogue does not know (kept, not judged); ``unread_cells`` counts printed texts in amount
    positions that were not amounts and were left out.
    """

    columns: tuple[str, ...]
    fallback: tuple[str, ...]
    not_understood: tuple[str, ...]
    rows: int
    cells: int
    unread_cells: int
    identified_by: Optional[str]
    confidence: Optional[float]

    @property
    def complete(self) -> bool:
        """True if every printed column and amount was read and understood."""
        return not self.fallback and not self.not_understood and not self.unread_cells


@attrs.frozen
class Table:
    """One standard table as printed, mapped to a canonical table id.

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Cell, CellStatus, Column, Row, Table
        >>> total = Cell(column="total", status=CellStatus.VALUE, raw="10.00", value=Decimal("10.00"))
        >>> table = Table(id="expenditure", title="支出决算表", columns=(Column(id="total", header=("合计",)),),
        ...               rows=(Row(label="一般公共服务支出", cells=(total,), code="201", level=1),))
        >>> table.find(code="201")[0].cell("total").value, table.column("total").header
        (Decimal('10.00'), ('合计',))
    """

    id: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    number: Optional[str] = None
    pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    provenance: Provenance = Provenance()
    entity: Optional[str] = None  # the body its 编制单位/部门/单位 line names, if it prints one
    year: Optional[int] = None  # the fiscal year its title or meta lines state, if any
    identification: Optional[Identification] = None  # how the table was recognised
    unread_cells: int = 0  # printed texts in amount positions that were not amounts (left out)
    unit: Optional[str] = None  # the amount unit its own meta lines state (万元, 元), if any

    @property
    def coverage(self) -> Coverage:
        """What of the table was read: columns (and how), rows, cells, how it was identified."""
        found = self.identification
        return Coverage(
            columns=tuple(c.id for c in self.columns if c.by == COLUMN_BY_HEADER),
            fallback=tuple(c.id for c in self.columns if c.by == COLUMN_BY_FALLBACK),
            not_understood=tuple("/".join(c.header) or c.id for c in self.columns if not c.understood),
            rows=len(self.rows),
            cells=sum(len(row.cells) for row in self.rows),
            unread_cells=self.unread_cells,
            identified_by=found.by if found else None,
            confidence=found.confidence if found else None,
        )

    def column(self, column_id: str) -> Optional[Column]:
        """The column ``column_id`` of the table, or None if it prints none."""
        return next((column for column in self.columns if column.id == column_id), None)

    def find(self, *, code: Optional[str] = None, label: Optional[str] = None) -> list[Row]:
        """Rows with the given code and/or printed label (white space ignored), top to bottom."""
        wanted = None if label is None else "".join(label.split())
        return [
            row for row in self.rows if (code is None or row.code == code) and (wanted is None or row.label == wanted)
        ]


@attrs.frozen
class MissingTable:
    """A table the document's 目录 lists but its body does not contain."""

    title: str
    table: Optional[str] = None  # canonical id, if the title is recognised
    provenance: Provenance = Provenance()


@attrs.frozen
class ContentsEntry:
    """A line of the document's 目录 (table of contents): what it lists, under which number, on
    which page, and where the line is printed.

    ``title`` is the listed title as printed, white space, dot leader, page number and number
    removed; ``number`` is the table number or ordinal printed with it (``公开05表``, ``表五``,
    ``五、``), None if it prints none, and ``number_value`` that number's value (5 for each of
    those); ``page`` is the page number the entry prints, None if none. ``table`` is the canonical
    id of the standard table the title names, None for a part or section of the text or a title
    that names no table gongkai knows.
    """

    title: str
    number: Optional[str] = None
    number_value: Optional[int] = None
    page: Optional[int] = None
    table: Optional[str] = None
    provenance: Provenance = Provenance()

    @property
    def printed(self) -> str:
        """The entry as the 目录 prints it, white space, leader and page number aside
        (``五、一般公共预算财政拨款支出决算表``)."""
        return f"{self.number or ''}{self.title}"


@attrs.frozen
class UnreadTable:
    """A standard table whose title the document prints but whose body gongkai could not read:
    present, not missing, and not checked."""

    title: str
    table: Optional[str] = None  # canonical id the title names
    provenance: Provenance = Provenance()


@attrs.frozen
class Region:
    """Administrative region of the disclosing body, as detected from the document's text.

    Example::

        >>> from gongkai.plugin import Region
        >>> Region(province="云南省", city="昆明市").path(), Region().path()
        ('云南省/昆明市', '')
    """

    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None

    def path(self) -> str:
        """Province/city/county joined by ``/``, leaving out the levels that are unknown."""
        return "/".join(part for part in (self.province, self.city, self.county) if part)


@attrs.frozen
class Finding:
    """Something about the document a reader should know: a check result or a parse problem.

    Example::

        >>> from gongkai.plugin import Finding, Provenance, Severity
        >>> finding = Finding(check="hainan.total", severity=Severity.ERROR, message="合计不等于各项之和",
        ...                   table="expenditure", row="201", column="total", printed="10.00", expected="12.00",
        ...                   provenance=Provenance(page=4))
        >>> finding.severity is Severity.ERROR, finding.provenance.page, finding.confidence
        (True, 4, 1.0)
    """

    check: str
    severity: Severity
    message: str
    table: Optional[str] = None
    row: Optional[str] = None
    column: Optional[str] = None
    provenance: Provenance = Provenance()
    printed: Optional[str] = None  # the printed value the finding is about, as printed
    expected: Optional[str] = None  # what the document's other figures say it should be
    addends: tuple[str, ...] = ()  # rows (code or label) of ``table`` whose amounts make up ``expected``
    confidence: float = 1.0  # how sure the finding is: below 1 where its inputs were inferred
    checked: bool = True  # False: the check could not be made (its inputs were not read); says why
    sentence: Optional[str] = None  # for a claim of the 情况说明: the sentence as printed (1,000 characters at most)


@attrs.frozen
class TextLine:
    """A line of the document outside its tables (情况说明 and other narrative), where printed."""

    text: str
    provenance: Provenance = Provenance()


@attrs.frozen
class Document:
    """A parsed disclosure: what it is, who published it, and its tables.

    Example::

        >>> from gongkai.plugin import Document, Region
        >>> document = Document(source="a.txt", format="text", sha256="", region=Region(province="海南省"),
        ...                     plugin="hainan", entity="海南省财政厅", year=2023, kind="final",
        ...                     scope="department", unit="万元", tables=())
        >>> document.region.path(), document.table("expenditure"), list(document.cells())
        ('海南省', None, [])
    """

    source: str
    format: str
    sha256: str
    region: Region
    plugin: str
    entity: Optional[str]
    year: Optional[int]
    kind: Optional[str]  # "budget" | "final"
    scope: Optional[str]  # "department" | "unit"
    unit: Optional[str]  # "万元" | "元"
    tables: tuple[Table, ...]
    missing: tuple[MissingTable, ...] = ()
    unread: tuple[UnreadTable, ...] = ()  # titles printed whose tables were not read
    findings: tuple[Finding, ...] = ()
    narrative: tuple[TextLine, ...] = ()  # the text outside the tables, in printed order
    contents: tuple[ContentsEntry, ...] = ()  # the lines of its 目录, in printed order

    def table(self, table_id: str) -> Optional[Table]:
        """The first table with canonical id ``table_id``, or None."""
        for table in self.tables:
            if table.id == table_id:
                return table
        return None

    def cells(self) -> Iterator[tuple[Table, Row, Cell]]:
        """Every amount cell of the document with its table and row, in printed order."""
        for table in self.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield table, row, cell
