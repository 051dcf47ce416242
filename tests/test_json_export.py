"""The JSON export matches its published schema (spec/document.schema.json) and keeps amounts exact."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import gongkai
from gongkai import CellStatus, Document
from gongkai.exporters.json_export import document_to_json, write_json
from gongkai.testing import TextStyle, documents, print_text, text_styles

from .seeds import FACTS

SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]

STATUSES = ("value", "blank", "not_applicable")
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－＋", "0123456789,.-+")


def load_schema() -> dict[str, Any]:
    """The schema as installed with the package (not read from the source tree)."""
    text = resources.files("gongkai.spec").joinpath("document.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def serialised(documents: list[Document]) -> str:
    stream = io.StringIO()
    write_json(documents, stream)
    return stream.getvalue()


class _Float(float):
    """A JSON number with a fraction or exponent, as parsed by :func:`no_floats`."""


def no_floats(text: str) -> Any:
    """``text`` parsed as JSON, failing if it holds any number with a fraction or exponent other
    than a table's identification confidence (a share, not an amount)."""
    data = json.loads(text, parse_float=_Float)

    def walk(value: Any, key: str) -> None:
        if isinstance(value, _Float) and key != "confidence":
            raise AssertionError(f"the JSON holds a float {value!r} under {key!r}: amounts must be strings")
        children = (
            value.items() if isinstance(value, dict) else ((key, v) for v in value) if isinstance(value, list) else ()
        )
        for child_key, child in children:
            walk(child, child_key)

    walk(data, "")
    return data


def test_schema_is_a_documented_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema.get("title") and schema.get("description")
    for name in ("document", "table", "column", "row", "cell", "missing", "finding", "provenance", "region"):
        definition = schema["$defs"][name]
        assert definition.get("title") and definition.get("description"), f"$defs/{name} is undocumented"
        assert definition.get("additionalProperties") is False, f"$defs/{name} accepts unknown keys"
        assert set(definition["required"]) == set(definition["properties"]), f"$defs/{name}: optional keys"


@pytest.mark.parametrize("seed", SEEDS)
def test_each_table_says_how_it_was_identified(parsed: dict[str, Document], seed: str) -> None:
    data = no_floats(serialised([parsed[seed]]))
    for table, exported in zip(parsed[seed].tables, data["tables"]):
        assert table.identification is not None
        assert exported["identification"] == {
            "by": table.identification.by,
            "confidence": table.identification.confidence,
        }


@pytest.mark.parametrize("seed", SEEDS)
def test_export_of_every_seed_validates(
    parsed: dict[str, Document], validator: Draft202012Validator, seed: str
) -> None:
    data = no_floats(serialised([parsed[seed]]))
    assert isinstance(data, dict), "one document is exported as one object, not an array"
    assert data == document_to_json(parsed[seed])
    assert errors(validator, data) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_amounts_are_exact_decimal_strings(parsed: dict[str, Document], seed: str) -> None:
    document = parsed[seed]
    data = no_floats(serialised([document]))
    exported = [cell for table in data["tables"] for row in table["rows"] for cell in row["cells"]]
    cells = [cell for _, _, cell in document.cells()]
    assert len(exported) == len(cells) > 0
    problems = []
    for cell, out in zip(cells, exported):
        where = f"{seed} {cell.column} {cell.raw!r}: exported {out}"
        if (out["status"], out["raw"], out["column"]) != (cell.status.value, cell.raw, cell.column):
            problems.append(f"{where}: status, raw or column differ")
        elif cell.status is not CellStatus.VALUE:
            if out["value"] is not None:
                problems.append(f"{where}: a {cell.status.value} cell has a value")
        elif not isinstance(out["value"], str) or Decimal(out["value"]) != cell.value:
            problems.append(f"{where}: not the parsed Decimal {cell.value}")
        else:
            # printed 536.90 stays 536.90: same number, same decimal places, no separators
            printed = "".join(cell.raw.translate(_FULLWIDTH).split()).replace(",", "").lstrip("+")
            if Decimal(out["value"]) != Decimal(printed) or (
                Decimal(out["value"]).as_tuple().exponent != Decimal(printed).as_tuple().exponent
            ):
                problems.append(f"{where}: the printed amount was altered")
            if "," in out["value"] or "E" in out["value"].upper():
                problems.append(f"{where}: not a plain decimal")
    assert not problems, "\n".join(problems[:20])


def test_several_documents_export_as_an_array_that_validates(
    parsed: dict[str, Document], validator: Draft202012Validator
) -> None:
    documents = [parsed["001"], parsed["004"]]
    data = no_floats(serialised(documents))
    assert isinstance(data, list) and len(data) == 2
    assert [d["source"] for d in data] == [d.source for d in documents]
    assert errors(validator, data) == []


def _first_cell(status: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def getter(data: dict[str, Any]) -> dict[str, Any]:
        return next(c for t in data["tables"] for r in t["rows"] for c in r["cells"] if c["status"] == status)

    return getter


_first_value_cell = _first_cell("value")


def _first_coded_row(data: dict[str, Any]) -> dict[str, Any]:
    return next(r for t in data["tables"] for r in t["rows"] if r["code"])


def _set(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        getter(data)[key] = value

    return mutate


def _drop(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        del getter(data)[key]

    return mutate


BROKEN = {
    "value-as-float": _set(_first_value_cell, "value", 536.92),
    "value-with-thousands-separator": _set(_first_value_cell, "value", "1,234.50"),
    "value-in-exponent-notation": _set(_first_value_cell, "value", "5.3692E+2"),
    "value-missing-on-a-value-cell": _set(_first_value_cell, "value", None),
    "blank-cell-with-printed-text": _set(_first_cell("blank"), "raw", "0.00"),
    "blank-cell-with-a-value": _set(_first_cell("blank"), "value", "0"),
    "dash-cell-with-a-value": _set(_first_cell("not_applicable"), "value", "0"),
    "unknown-status": _set(_first_value_cell, "status", "zero"),
    "unknown-key-in-cell": _set(_first_value_cell, "amount", "1"),
    "cell-without-provenance": _drop(_first_value_cell, "provenance"),
    "code-with-letters": _set(_first_coded_row, "code", "21015a1"),
    "code-as-number": _set(_first_coded_row, "code", 2101501),
    "year-as-string": _set(lambda d: d, "year", "2023"),
    "kind-in-chinese": _set(lambda d: d, "kind", "决算"),
    "scope-unknown": _set(lambda d: d, "scope", "ministry"),
    "document-without-tables": _drop(lambda d: d, "tables"),
    "unknown-top-level-key": _set(lambda d: d, "extra", True),
    "page-zero": _set(lambda d: _first_value_cell(d)["provenance"], "page", 0),
    "bad-severity": lambda d: d["findings"].append(
        {
            "check": "x",
            "severity": "fatal",
            "message": "m",
            "table": None,
            "row": None,
            "column": None,
            "provenance": {"page": None, "line": None},
        }
    ),
}


@pytest.fixture(scope="module")
def small(parsed: dict[str, Document], validator: Draft202012Validator) -> dict[str, Any]:
    """Seed 003's export cut to a few rows per table (validating a whole seed takes half a second)."""
    data = document_to_json(parsed["003"])
    for table in data["tables"]:
        # the first row, the first coded row and the first row holding each cell status
        rows = table["rows"]
        firsts = [next((r for r in rows if r["code"]), None)]
        firsts += [next((r for r in rows if any(c["status"] == s for c in r["cells"])), None) for s in STATUSES]
        table["rows"] = [r for r in rows if r is rows[0] or any(r is first for first in firsts)]
    data["tables"] = [t for t in data["tables"] if t["id"] in {"summary", "expenditure", "three_public"}]
    statuses = {c["status"] for t in data["tables"] for r in t["rows"] for c in r["cells"]}
    assert statuses == set(STATUSES) and any(r["code"] for t in data["tables"] for r in t["rows"])
    assert errors(validator, data) == []
    return data


@pytest.mark.parametrize("breakage", sorted(BROKEN))
def test_schema_rejects_a_broken_document(
    small: dict[str, Any], validator: Draft202012Validator, breakage: str
) -> None:
    good = small
    broken = copy.deepcopy(good)
    BROKEN[breakage](broken)
    assert broken != good
    assert not validator.is_valid(broken), f"the schema accepts a document with {breakage}"
    assert not validator.is_valid([good, broken]), f"the schema accepts an array holding a document with {breakage}"


@pytest.mark.text
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), style=st.sampled_from(("tsv", "markdown", "pipe", "pdftotext")).flatmap(text_styles))
def test_the_json_of_any_generated_document_validates(
    validator: Draft202012Validator, document: Document, style: TextStyle
) -> None:
    """Whatever gongkai.testing prints (every region, kind and variety, with a 情况说明 whose
    claims the narrative checks judge), the JSON of what is read back validates."""
    printed = print_text(document, style)
    parsed = gongkai.parse(
        printed.data, name="generated.md" if style.format in ("markdown", "pipe") else "generated.txt"
    )
    assert errors(validator, json.loads(serialised([parsed]))) == []
