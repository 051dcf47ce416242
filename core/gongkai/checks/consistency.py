"""Document-level consistency: codes and their names, years and entities, empty fund tables.

* ``names.code``: a classification code carries one name throughout the document.
* ``names.national``: and the name the national code list gives it in the document's year, where
  ``spec/national_codes.tsv`` knows the code's name in that year (else: not checked, and it says so).
* ``codes.classification``: a code belongs to its table's classification (功能 2…, 经济 3…).
* ``meta.year`` and ``meta.entity``: the year and the publishing body each table's title and
  编制单位 lines state are the document's (an abbreviation of the body's name is the same body).
  The document's year is the cover's where the cover states one, so a table of another year
  than the cover is reported at the table; a 情况说明 that speaks mostly of another year is
  reported too.
* ``fund.empty``: a government-fund or state-capital table with no amount says so (in its notes or
  the text), and a table that says it is empty prints no amount.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Optional

import attrs

from ..canonical import load_spec
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext
from ..schema import Document, Finding, Severity, Table
from ..specfiles import spec_text
from ..vocabulary import ORDINAL
from .compare import not_checked, row_name, table_name
from .labels import plain

_FUNDS = {
    "government_fund": "政府性基金",
    "state_capital": "国有资本经营",
}
# "没有使用政府性基金预算拨款安排的支出", "无政府性基金预算财政拨款收入支出", "…为空表"
_EMPTY_WORDS = re.compile(r"没有|无|未|空表")


def _names(document: Document, context: CheckContext) -> Iterator[Finding]:
    first: dict[str, tuple[Table, str, str]] = {}
    reported: set[tuple[str, str]] = set()
    for table in document.tables:
        for row in table.rows:
            if row.code is None or not row.label:
                continue
            name = plain(row.label)
            if row.code not in first:
                first[row.code] = (table, row.label, name)
                continue
            other_table, other_label, other_name = first[row.code]
            if name == other_name or (row.code, name) in reported:
                continue
            reported.add((row.code, name))
            yield Finding(
                check="names.code",
                severity=Severity.WARNING,
                message=(
                    f"科目 {row.code} 在{table_name(table)}名为“{row.label}”，"
                    f"在{table_name(other_table)}名为“{other_label}”"
                ),
                table=table.id,
                row=row.code,
                provenance=row.provenance,
            )


# The first digit of a code says its classification: 2 for 支出功能分类, 3 for 经济分类.
_CLASSIFICATION_DIGIT = {"function": "2", "economic": "3"}
_CLASSIFICATION_NAME = {"function": "支出功能分类", "economic": "经济分类"}


@attrs.frozen
class NationalName:
    """A code's national name and the years it is known to be valid (None: open)."""

    name: str
    since: Optional[int] = None
    until: Optional[int] = None

    def valid_in(self, year: int) -> bool:
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@functools.cache
def national_names() -> dict[str, tuple[NationalName, ...]]:
    """The national names of the codes ``spec/national_codes.tsv`` lists, with their years."""
    names: dict[str, list[NationalName]] = {}
    for line in spec_text("national_codes.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, since, until = (line.split("\t") + ["", ""])[:4]
            names.setdefault(code, []).append(
                NationalName(name, int(since) if since.strip() else None, int(until) if until.strip() else None)
            )
    return {code: tuple(entries) for code, entries in names.items()}


def _national(document: Document, context: CheckContext) -> Iterator[Finding]:
    national = national_names()
    uncovered: dict[str, None] = {}
    for table in document.tables:
        for row in table.rows:
            entries = national.get(row.code or "")
            if entries is None or not row.label or row.code is None:
                continue
            valid = [e.name for e in entries if document.year is not None and e.valid_in(document.year)]
            if not valid:
                uncovered[row.code] = None  # the list does not know the code's name in that year
                continue
            if plain(row.label) not in {plain(name) for name in valid}:
                yield Finding(
                    check="names.national",
                    severity=Severity.WARNING,
                    message=(
                        f"{table_name(table)}的科目 {row.code} 名为“{row.label}”，"
                        f"{document.year}年国家分类科目名称是“{'”或“'.join(valid)}”"
                    ),
                    table=table.id,
                    row=row.code,
                    provenance=row.provenance,
                )
    if uncovered:
        codes = list(uncovered)
        year = f"{document.year}年度" if document.year is not None else "文件年度不明时"
        yield not_checked(
            "names.national",
            f"国家科目名称表不知道{year}{len(codes)}个科目"
            f"（{'、'.join(codes[:5])}{'等' if len(codes) > 5 else ''}）的名称，这些科目名称未与国家分类比对",
        )


def _classifications(document: Document, context: CheckContext) -> Iterator[Finding]:
    spec = {table.id: table.classification for table in load_spec().tables}
    for table in document.tables:
        classification = spec.get(table.id)
        digit = _CLASSIFICATION_DIGIT.get(classification or "")
        if digit is None:
            continue
        for row in table.rows:
            if row.code is not None and not row.code.startswith(digit):
                yield Finding(
                    check="codes.classification",
                    severity=Severity.WARNING,
                    message=(
                        f"{table_name(table)}是{_CLASSIFICATION_NAME[classification or '']}表，"
                        f"“{row_name(row)}”的编码却不是{digit}开头"
                    ),
                    table=table.id,
                    row=row.code,
                    provenance=row.provenance,
                )


def _years(document: Document, context: CheckContext) -> Iterator[Finding]:
    if document.year is None:
        return
    text = _text_year(document)
    if text is not None:
        yield text
    for table in document.tables:
        if table.year is not None and table.year != document.year:
            yield Finding(
                check="meta.year",
                severity=Severity.WARNING,
                message=f"{table_name(table)}的标题或表头写的是{table.year}年度，文件是{document.year}年度的",
                table=table.id,
                provenance=table.provenance,
            )


_TEXT_YEAR = re.compile(r"(20\d\d)\s*年度")


def _text_year(document: Document) -> Optional[Finding]:
    """A finding if the year the 情况说明 mostly speaks of is not the document's year.

    The text compares with earlier years, so one mention of another year is no finding; a text
    copied from another year's disclosure and not updated speaks mostly of that year.
    """
    mentions = [(int(year), line.provenance) for line in document.narrative for year in _TEXT_YEAR.findall(line.text)]
    counts = Counter(year for year, _ in mentions)
    if not counts or (document.year is not None and counts[document.year] >= max(counts.values())):
        return None
    year = counts.most_common(1)[0][0]
    where = next(provenance for y, provenance in mentions if y == year)
    return Finding(
        check="meta.year",
        severity=Severity.WARNING,
        message=(
            f"情况说明多处写{year}年度（{counts[year]}处），写{document.year}年度的只有"
            f"{counts.get(document.year or 0, 0)}处，而各表是{document.year}年度的"
        ),
        provenance=where,
    )


def _entities(document: Document, context: CheckContext) -> Iterator[Finding]:
    if not document.entity:
        return
    for table in document.tables:
        if table.entity and table.entity not in document.entity and document.entity not in table.entity:
            yield Finding(
                check="meta.entity",
                severity=Severity.WARNING,
                message=f"{table_name(table)}的编制单位是“{table.entity}”，文件是“{document.entity}”的",
                table=table.id,
                provenance=table.provenance,
            )


def _is_empty(table: Table) -> bool:
    """True if the table prints no non-zero amount."""
    return all(cell.value is None or cell.value == 0 for row in table.rows for cell in row.cells)


# an item of the 情况说明 starts a paragraph: 十、…, （二）…, 3．…


def _paragraphs(document: Document) -> list[str]:
    """The running text as paragraphs: lines wrapped from one item to the next joined."""
    paragraphs: list[list[str]] = []
    for line in document.narrative:
        text = "".join(line.text.split())
        if not paragraphs or ORDINAL.match(text):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)  # joined once at the end: adding to a long paragraph is quadratic
    return ["".join(lines) for lines in paragraphs]


def _statement(paragraphs: Sequence[str], table: Table, fund: str, whole_paragraph: bool = False) -> Optional[str]:
    """The words (a note of the table, or one of the document's ``paragraphs``) saying there is no
    ``fund`` money: a sentence naming the fund, or with ``whole_paragraph`` that sentence and those
    after it in its paragraph (…政府性基金支出预算0万元。…主要原因是本部门无此项支出。)."""
    for text in (*("".join(note.split()) for note in table.notes), *paragraphs):
        sentences = [sentence for sentence in re.split(r"[。；;]", text) if "本表反映" not in sentence]
        for index, sentence in enumerate(sentences):
            if fund not in sentence:
                continue
            said = "。".join(sentences[index:] if whole_paragraph else sentences[index : index + 1])
            if _EMPTY_WORDS.search(said):
                return said
    return None


def _funds(document: Document, context: CheckContext) -> Iterator[Finding]:
    paragraphs: Optional[list[str]] = None
    for table in document.tables:
        fund = _FUNDS.get(table.id)
        if fund is None:
            continue
        if paragraphs is None:
            paragraphs = _paragraphs(document)
        empty, statement = _is_empty(table), _statement(paragraphs, table, fund)
        # an empty table needs no more than a paragraph that says so; an accusation needs the
        # sentence itself to say it
        if empty and statement is None and _statement(paragraphs, table, fund, whole_paragraph=True) is None:
            yield Finding(
                check="fund.empty",
                severity=Severity.WARNING,
                message=f"{table_name(table)}没有金额，但文件没有说明本年度没有{fund}预算财政拨款收支",
                table=table.id,
                provenance=table.provenance,
            )
        elif not empty and statement is not None:
            amount = next(
                (row, cell) for row in table.rows for cell in row.cells if cell.value is not None and cell.value != 0
            )
            yield Finding(
                check="fund.empty",
                severity=Severity.ERROR,
                message=(
                    f"文件说明“{statement}”，但{table_name(table)}“{row_name(amount[0])}”行印有金额 {amount[1].raw}"
                ),
                table=table.id,
                row=amount[0].code or amount[0].label,
                column=amount[1].column,
                provenance=amount[1].provenance,
                printed=amount[1].raw,
            )


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return (
        Check(
            id="names.code",
            severity=Severity.WARNING,
            description="同一分类科目编码在文件各处的名称相同。",
            run=_names,
        ),
        Check(
            id="names.national",
            severity=Severity.WARNING,
            description="科目名称与国家政府收支分类科目的名称一致（只查 spec/national_codes.tsv 列出的科目）。",
            run=_national,
        ),
        Check(
            id="codes.classification",
            severity=Severity.WARNING,
            description="功能分类表中的科目编码以 2 开头，经济分类表中的以 3 开头。",
            run=_classifications,
        ),
        Check(
            id="meta.year",
            severity=Severity.WARNING,
            description="封面、各表标题和表头以及情况说明所述的年度一致。",
            run=_years,
        ),
        Check(
            id="meta.entity",
            severity=Severity.WARNING,
            description="各表编制单位与文件的单位一致。",
            run=_entities,
        ),
        Check(
            id="fund.empty",
            severity=Severity.ERROR,
            description="没有金额的政府性基金或国有资本经营预算表须有空表说明，声明为空的表不得印有金额。",
            run=_funds,
        ),
    )
