"""Hostile figures: a percentage printed with thousands of decimals, amounts of a million
digits, classification codes in other scripts' digits. None stops the parse or breaks the JSON
schema: a computation the figures defeat is a check "not made" finding, a code is ASCII digits
(full-width digits are the same code; १२३ and 𝟙𝟚𝟛 are not a code)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import gongkai
from gongkai.exporters.json_export import write_json

from .seeds import FIXTURES

pytestmark = pytest.mark.text

SCHEMA = json.loads((Path(__file__).parents[1] / "spec" / "document.schema.json").read_text(encoding="utf-8"))
SEED = (FIXTURES / "000_d178e83414a3c697.txt").read_text(encoding="utf-8")
SENTENCE = "（二）2080501-行政单位离退休 49.51 万元，较上年决算数增加 23.33 万元，增长 89.14%。"


def as_json(document: gongkai.Document) -> dict:
    stream = io.StringIO()
    write_json([document], stream)
    data = json.loads(stream.getvalue())
    errors = [error.message for error in Draft202012Validator(SCHEMA).iter_errors(data)]
    assert errors == [], errors[:3]
    return data


def with_sentence(sentence: str) -> gongkai.Document:
    assert SENTENCE in SEED
    return gongkai.parse(SEED.replace(SENTENCE, sentence).encode("utf-8"), name="hostile.txt")


@pytest.mark.parametrize("decimals", [27, 5000])
def test_a_percentage_with_many_decimals_is_judged_to_four(decimals: int) -> None:
    document = with_sentence(SENTENCE.replace("89.14%", "70." + "1" * decimals + "%"))
    (finding,) = [f for f in document.findings if f.check == "text.change"]
    assert finding.expected == "增长89.1138%", "the expected rate: to the printed decimals, at most four"
    as_json(document)


def test_amounts_of_a_million_digits_make_checks_not_made_not_errors() -> None:
    huge = "9" * 1_000_001
    document = with_sentence(
        f"（二）2080501-行政单位离退休 {huge} 万元，较上年决算数增加 {huge[1:]} 万元，增长 70.00%。"
    )
    not_made = [f for f in document.findings if not f.checked and "无法精确计算" in f.message]
    assert not_made, "a check the figures defeat says it was not made"
    assert all(f.severity is gongkai.Severity.INFO for f in not_made)
    as_json(document)


def test_codes_are_ascii_digits_full_width_ones_are_the_same_code() -> None:
    ascii_codes = [row.code for table in gongkai.parse(SEED.encode(), name="a.txt").tables for row in table.rows]
    full = SEED.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    wide = gongkai.parse(full.encode(), name="wide.txt")
    assert [row.code for table in wide.tables for row in table.rows] == ascii_codes
    as_json(wide)


@pytest.mark.parametrize("digits", ["०१२३४५६७८९", "𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡"], ids=["devanagari", "mathematical"])
def test_digits_of_other_scripts_are_never_a_code(digits: str) -> None:
    other = SEED.replace("2080501", "2080501".translate(str.maketrans("0123456789", digits)))
    document = gongkai.parse(other.encode(), name="other.txt")
    codes = [row.code for table in document.tables for row in table.rows if row.code]
    assert all(code.isascii() and code.isdigit() for code in codes), codes
    assert "2080501" not in codes
    as_json(document)
