"""The canonical tables and columns of ``spec/tables.toml``, loaded once and matched against print."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Optional

import attrs

from .specfiles import parse_toml, spec_text

_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]、?|\d+[、.．](?!\d))")
_YEAR = re.compile(r"^(?:20\d\d)年度?")


def compact(text: str) -> str:
    """``text`` with all white space removed (how labels and titles are compared and reported)."""
    return "".join(text.split())


def normalise_title(text: str) -> str:
    """A printed title reduced for matching: no spaces, quotes, leading ordinal or leading year."""
    title = compact(text).translate(_QUOTES)
    title = _ORDINAL.sub("", title)
    title = _YEAR.sub("", title)
    return title.strip("：:")


def normalise_header(text: str) -> str:
    """A printed header cell reduced for matching: no spaces, quotes, or "其中：" prefix."""
    header = compact(text).translate(_QUOTES)
    header = re.sub(r"^其中[:：]", "", header)
    return header.replace("（", "(").replace("）", ")")


@attrs.frozen
class CanonicalColumn:
    """A canonical column: its id, canonical label and the printed header paths that mean it."""

    id: str
    label: str
    aliases: tuple[tuple[str, ...], ...]
    group: Optional[str] = None

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
    """A standard table of the national disclosure set."""

    id: str
    name: str
    classification: str
    columns: tuple[CanonicalColumn, ...]
    titles: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    groups: tuple[str, ...] = ()

    @property
    def repeated_groups(self) -> bool:
        """True for economic tables printing the same (code, name, amount) group side by side."""
        return self.groups == ("repeat",)

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

    def table(self, table_id: str) -> CanonicalTable:
        """The canonical table ``table_id``; KeyError if unknown."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(f"unknown canonical table {table_id!r}")

    def by_title(self, title: str, kind: Optional[str] = None) -> Optional[str]:
        """The canonical table whose national title is ``title`` (normalised), or None."""
        wanted = normalise_title(title)
        for table in self.tables:
            for table_kind, titles in table.titles.items():
                if kind in (None, table_kind) and wanted in {normalise_title(t) for t in titles}:
                    return table.id
        return None


def _alias(value: object) -> tuple[str, ...]:
    parts = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return tuple(normalise_header(str(part)) for part in parts)


@functools.cache
def load_spec() -> Spec:
    """Load ``spec/tables.toml`` shipped with the package."""
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
            )
        )
    return Spec(tables=tuple(tables))
