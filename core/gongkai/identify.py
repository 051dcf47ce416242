"""Identification: which canonical table a printed table is, how that was decided, and how sure.

In order of trust: a title the region or the national set prints exactly; the words of a title
variant (the title vocabulary of ``spec/titles.toml``: 部门财务收支预算总表 is a 收支总表,
一般公共预算支出功能分类预算表 an 一般公共预算支出表); where the title is missing or names no
standard table, the table's structure (its header words and row codes, :func:`by_structure`); and
last its place in the table of contents (:func:`by_contents`). Region plugins answer first, by
their own titles and numbering, through the ``gongkai_identify_table`` hook.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Optional, Union

import attrs

from .canonical import compact, load_spec, normalise_title
from .codes import is_code
from .identification import BY_CONTENTS, BY_PLUGIN, BY_STRUCTURE, BY_TITLE, BY_TITLE_VARIANT, Identification
from .layout import Line, LineKind
from .specfiles import parse_toml, spec_text
from .titles import read_title
from .vocabulary import LEADING_YEAR, ORDINAL


def identification(answer: Union[str, Identification, None]) -> Optional[Identification]:
    """A hook's answer as an :class:`~gongkai.schema.Identification` (a bare table id is a
    plugin's answer that did not say how it knew)."""
    if answer is None or isinstance(answer, Identification):
        return answer
    return Identification(answer, BY_PLUGIN)


_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")


@attrs.frozen
class TitleRule:
    """One rule of the title vocabulary: the words a title names ``table`` with."""

    table: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    kind: Optional[str] = None

    def matches(self, words: str, kind: Optional[str]) -> bool:
        if self.kind is not None and kind is not None and self.kind != kind:
            return False
        return (
            all(word in words for word in self.all)
            and (not self.any or any(word in words for word in self.any))
            and not any(word in words for word in self.none)
        )


@functools.cache
def title_rules() -> tuple[TitleRule, ...]:
    """The rules of ``spec/titles.toml``, in order."""
    raw = parse_toml(spec_text("titles.toml"))
    return tuple(
        TitleRule(
            table=rule["table"],
            all=tuple(rule.get("all", ())),
            any=tuple(rule.get("any", ())),
            none=tuple(rule.get("none", ())),
            kind=rule.get("kind"),
        )
        for rule in raw["rule"]
    )


def title_words(title: str) -> str:
    """What names the table in a printed title: no number, quotes, ordinal, year or spaces."""
    printed = read_title(title)
    if printed is not None:
        return printed.words
    words = compact(title).translate(_QUOTES)
    return LEADING_YEAR.sub("", ORDINAL.sub("", words))


def by_title(title: str, kind: Optional[str]) -> Optional[Identification]:
    """The table a printed title names: exactly as the national set prints it, or by the words of
    the title vocabulary; None when it names none."""
    if not title:
        return None
    spec = load_spec()
    exact = spec.by_title(title, kind) or spec.by_title(title)
    if exact is not None:
        return Identification(exact, BY_TITLE)
    words = title_words(title)
    if not words.rstrip("）)").endswith("表") and read_title(title) is None:
        return None
    for rule in title_rules():
        if rule.matches(words, kind):
            return Identification(rule.table, BY_TITLE_VARIANT)
    return None


# -- structure ---------------------------------------------------------------------------------

_THREE_PUBLIC = ("因公出国", "公务接待", "公务用车")
_SOURCES = ("财政拨款收入", "事业收入", "经营收入", "其他收入", "上级补助收入", "附属单位上缴收入")
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _header_text(lines: Sequence[Line]) -> str:
    return "".join(compact(cell) for line in lines for cell in dict.fromkeys(line.cells))


def _codes(lines: Sequence[Line]) -> tuple[int, int]:
    """How many body lines start a function code (2xx) and an economic code (3xx, 5xx)."""
    function = economic = 0
    for line in lines:
        cells = [compact(cell) for cell in line.cells if cell.strip()]
        tokens = cells if line.kind is LineKind.CELLS else (line.text.split()[:1])
        code = next((token for token in tokens[:3] if is_code(token)), None)
        if code is None:
            continue
        if code.startswith("2"):
            function += 1
        elif code.startswith(("3", "5")):
            economic += 1
    return function, economic


def by_structure(header: Sequence[Line], body: Sequence[Line]) -> Optional[Identification]:
    """The table a printed table's structure says it is, when its title does not: its header
    words and the classification codes of its rows. None when the structure is not decisive."""
    words = _header_text(header)
    if not words:
        return None
    function, economic = _codes(body)
    coded = function + economic
    if sum(word in words for word in _THREE_PUBLIC) >= 2:
        return Identification("three_public", BY_STRUCTURE)
    if "资产总额" in words and "固定资产" in words:
        return Identification("state_assets", BY_STRUCTURE)
    if not coded and "收入" in words and "支出" in words:
        if sum(fund in words for fund in _FUNDS) >= 2:
            return Identification("fiscal_grant_summary", BY_STRUCTURE)
        if re.search(r"收入.*支出", words):
            return Identification("summary", BY_STRUCTURE)
    if function >= 2 and function > economic:
        if sum(source in words for source in _SOURCES) >= 2:
            return Identification("income", BY_STRUCTURE)
        if "基本支出" in words and "项目支出" in words:
            if "年初结转" in words or "年末结转" in words:
                return Identification("general_budget_expenditure", BY_STRUCTURE)
            return Identification("expenditure", BY_STRUCTURE)
    if economic >= 2 and economic > function and ("人员经费" in words or "公用经费" in words):
        return Identification("basic_expenditure_economic", BY_STRUCTURE)
    return None


def as_printed(found: Identification, body: Sequence[Line]) -> Identification:
    """``found``, or the variant of its table whose rows the printed body shows (a 收入表 whose
    rows are the sources of income, no codes, is the by-source layout)."""
    variants = load_spec().variants(found.table)
    if not variants:
        return found
    function, economic = _codes(body)
    for variant in variants:
        if variant.rows == "labels" and function + economic == 0 and body:
            return attrs.evolve(found, table=variant.id)
    return found


def by_contents(position: int, titles: Sequence[str], kind: Optional[str]) -> Optional[Identification]:
    """The table the ``position``-th title of the table of contents names, when the contents list
    exactly as many tables as the document prints (``titles``, in order)."""
    if not 0 <= position < len(titles):
        return None
    found = by_title(titles[position], kind)
    return Identification(found.table, BY_CONTENTS) if found is not None else None


def same_title(a: str, b: str) -> bool:
    """True if two printed titles are one title (white space, ordinals and years aside)."""
    return normalise_title(a) == normalise_title(b) or title_words(a) == title_words(b)
