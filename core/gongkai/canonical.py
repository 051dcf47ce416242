"""The canonical tables and columns of ``spec/tables.toml``, loaded once and matched against print."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Optional

import attrs

from .specfiles import parse_toml, spec_text
from .vocabulary import LEADING_YEAR, ORDINAL

_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")


def compact(text: str) -> str:
    """``text`` with all white space removed (how labels and titles are compared and reported)."""
    return "".join(text.split())


@functools.lru_cache(maxsize=8192)
def normalise_title(text: str) -> str:
    """A printed title reduced for matching: no spaces, quotes, leading ordinal or leading year."""
    title = compact(text).translate(_QUOTES)
    title = ORDINAL.sub("", title)
    title = LEADING_YEAR.sub("", title)
    return title.strip("：:")


@functools.lru_cache(maxsize=8192)
def normalise_header(text: str) -> str:
    """A printed header cell reduced for matching: no spaces, quotes, or "其中：" prefix.

    Example::

        >>> from gongkai.plugin import normalise_header
        >>> normalise_header("其中： 基本 支出（人员）")
        '基本支出(人员)'
    """
    header = compact(text).translate(_QUOTES)
    header = re.sub(r"^其中[:：]", "", header)
    return header.replace("（", "(").replace("）", ")")


@attrs.frozen
class CanonicalColumn:
    """A canonical column: its id, canonical label and the printed header paths that mean it.

    Example::

        >>> from gongkai.plugin import CanonicalColumn
        >>> basic = CanonicalColumn(id="basic", label="基本支出", aliases=(("基本支出",), ("本年支出", "基本")))
        >>> basic.match(("本年支出", "基本")), basic.match(("基本支", "出")), basic.match(("项目支出",))
        (2, 1, 0)
    """

    id: str
    label: str
    aliases: tuple[tuple[str, ...], ...]
    group: Optional[str] = None
    default_for: Optional[str] = None  # "budget"/"final": the column of an unnamed amount in such a document

    def match(self, path: Sequence[str]) -> int:
        """How many header levels of ``path`` an alias matches as a suffix (0 = no match).

        A header word broken over two header rows (``基本支`` above ``出``) is matched joined.
        """
        parts = tuple(normalise_header(part) for part in path if normalise_header(part))
        candidates = [parts] + [parts[:i] + ("".join(parts[i:]),) for i in range(len(parts) - 1)]
        best = 0
        for candidate in candidates:
            for alias in self.aliases:
                if len(alias) <= len(candidate) and candidate[len(candidate) - len(alias) :] == alias:
                    best = max(best, len(alias))
        return best


@attrs.frozen
class CanonicalTable:
    """A standard table of the national disclosure set.

    Example::

        >>> from gongkai.plugin import HeaderCell, load_spec
        >>> expenditure = load_spec().table("expenditure")
        >>> header = HeaderCell(path=("本年支出", "其中：基本支出"))
        >>> expenditure.name, expenditure.match_column(header.path), expenditure.column("basic").label
        ('支出表', 'basic', '基本支出')
    """

    id: str
    name: str
    classification: str
    columns: tuple[CanonicalColumn, ...]
    titles: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    groups: tuple[str, ...] = ()
    optional_groups: tuple[str, ...] = ()
    group_words: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    layout: str = "grid"  # "grid" | "form"
    variant_of: Optional[str] = None
    rows: Optional[str] = None  # with variant_of: what the variant's rows are ("labels")

    @property
    def repeated_groups(self) -> bool:
        """True for economic tables printing the same (code, name, amount) group side by side."""
        return self.groups == ("repeat",)

    def default_column(self, kind: Optional[str]) -> Optional[str]:
        """The column an amount under no header of the table's stands for in a ``kind`` document."""
        return next((column.id for column in self.columns if kind and column.default_for == kind), None)

    def group_named(self, header: str) -> Optional[str]:
        """The group whose words the header text over it prints (the optional groups' first)."""
        for group in self.optional_groups + self.groups:
            if any(word in header for word in self.group_words.get(group, ())):
                return group
        return None

    def column(self, column_id: str) -> CanonicalColumn:
        """The canonical column ``column_id``; KeyError if the table has none."""
        for column in self.columns:
            if column.id == column_id:
                return column
        raise KeyError(f"{self.id} has no column {column_id!r}")

    def match_column(self, path: Sequence[str], group: Optional[str] = None) -> Optional[str]:
        """The canonical column whose alias best matches the printed header ``path``, or None."""
        best: tuple[int, Optional[str]] = (0, None)
        for column in self.columns:
            if group is not None and column.group not in (None, group):
                continue
            score = column.match(path)
            if score > best[0]:
                best = (score, column.id)
        return best[1]


@attrs.frozen
class Spec:
    """All canonical tables, in the national order."""

    tables: tuple[CanonicalTable, ...]
    sets: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)  # kind -> national set
    # (kind or None, normalised title) -> the first table printing it, as by_title's scan finds it
    _titles: dict[tuple[Optional[str], str], str] = attrs.field(init=False, eq=False, hash=False, repr=False)

    @_titles.default
    def _index_titles(self) -> dict[tuple[Optional[str], str], str]:
        index: dict[tuple[Optional[str], str], str] = {}
        for table in self.tables:
            for table_kind, titles in table.titles.items():
                for title in titles:
                    index.setdefault((table_kind, normalise_title(title)), table.id)
                    index.setdefault((None, normalise_title(title)), table.id)
        return index

    def table(self, table_id: str) -> CanonicalTable:
        """The canonical table ``table_id``; KeyError if unknown."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(f"unknown canonical table {table_id!r}")

    def standard(self, table_id: str) -> str:
        """The standard table ``table_id`` is a layout of (itself, unless it is a variant)."""
        variant_of = next((table.variant_of for table in self.tables if table.id == table_id), None)
        return variant_of or table_id

    def variants(self, table_id: str) -> tuple[CanonicalTable, ...]:
        """The tables that are other layouts of ``table_id``."""
        return tuple(table for table in self.tables if table.variant_of == table_id)

    def by_title(self, title: str, kind: Optional[str] = None) -> Optional[str]:
        """The canonical table whose national title is ``title`` (normalised), or None."""
        return self._titles.get((kind, normalise_title(title)))


def _alias(value: object) -> tuple[str, ...]:
    parts = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return tuple(normalise_header(str(part)) for part in parts)


@functools.cache
def load_spec() -> Spec:
    """Load ``spec/tables.toml`` shipped with the package.

    Example::

        >>> from gongkai.plugin import load_spec
        >>> spec = load_spec()
        >>> spec.table("three_public").name, spec.by_title("2023年度 支出决算表")
        ('“三公”经费支出表', 'expenditure')
    """
    raw = parse_toml(spec_text("tables.toml"))
    by_id = {entry["id"]: entry for entry in raw["table"]}
    tables = []
    for entry in raw["table"]:
        source = by_id[entry["columns_from"]] if "columns_from" in entry else entry
        columns = tuple(
            CanonicalColumn(
                id=column["id"],
                label=column["label"],
                aliases=tuple(_alias(alias) for alias in column["aliases"]),
                group=column.get("group"),
                default_for=column.get("default_for"),
            )
            for column in source.get("column", [])
        )
        tables.append(
            CanonicalTable(
                id=entry["id"],
                name=entry["name"],
                classification=entry["classification"],
                columns=columns,
                titles={kind: tuple(titles) for kind, titles in entry.get("titles", {}).items()},
                groups=tuple(entry.get("groups", ())),
                optional_groups=tuple(entry.get("optional_groups", ())),
                group_words={name: tuple(words) for name, words in entry.get("group_words", {}).items()},
                layout=entry.get("layout", "grid"),
                variant_of=entry.get("variant_of"),
                rows=entry.get("rows"),
            )
        )
    sets = {kind: tuple(ids) for kind, ids in raw.get("sets", {}).items()}
    return Spec(tables=tuple(tables), sets=sets)


def national_numbering(kind: str, changes: Mapping[str, str] = MappingProxyType({})) -> dict[str, str]:
    """The national 公开NN numbering of a ``kind`` ("final" or "budget") document's tables (01 收入支出
    总表 … 09 国有资本经营预算财政拨款支出表, the order of ``[sets]`` in ``spec/tables.toml``), with a
    region's ``changes`` laid over it: ``national_numbering("final", {"07": "government_fund"})``.

    Example::

        >>> from gongkai.plugin import national_numbering
        >>> national_numbering("final")["03"]
        'expenditure'
        >>> national_numbering("final", {"07": "government_fund", "08": "three_public"})["07"]
        'government_fund'
    """
    numbering = {f"{index:02d}": table for index, table in enumerate(load_spec().sets[kind], start=1)}
    return {**numbering, **changes}
