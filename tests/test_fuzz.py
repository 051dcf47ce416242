"""The fuzz slice CI runs: damaged disclosures (:mod:`gongkai.testing.fuzz`) in every text
format and in PDF, each parsed in a child process under limits: none may end in an internal error, go over
the time or memory limit, or give JSON the schema rejects. ``python -m gongkai.testing.fuzz
--count 10000`` runs the long campaign (see SECURITY.md for its last result)."""

from __future__ import annotations

import pytest

from gongkai.isolation import Budget
from gongkai.testing.fuzz import DEFECTS, campaign, mutants, seed_documents

SLICE = 24  # mutants per format: about ten seconds each on one core


@pytest.mark.parametrize(
    "format",
    [
        pytest.param("text", marks=pytest.mark.text),
        pytest.param("markdown", marks=pytest.mark.markdown),
        pytest.param("html", marks=pytest.mark.html),
        pytest.param("pdf", marks=pytest.mark.pdf),
    ],
)
def test_no_damaged_document_is_a_defect(format: str) -> None:
    pytest.importorskip({"html": "lxml", "pdf": "pdfminer"}.get(format, "gongkai"))
    documents = seed_documents(format)
    inputs = [m for n, data in enumerate(documents) for m in mutants(data, format, SLICE // len(documents), seed=n)]
    tally, defects = campaign(inputs, Budget(seconds=60, memory_mib=1024), jobs=2)
    assert sum(tally.values()) == len(inputs) > 0
    assert [(kind, " + ".join(m.done), message[:200]) for m, kind, message in defects] == []
    assert not any(tally[kind] for kind in DEFECTS)


@pytest.mark.text
def test_mutants_are_the_same_for_the_same_seed() -> None:
    data = seed_documents("text")[0]
    first = [m.data for m in mutants(data, "text", 5, seed=7)]
    assert first == [m.data for m in mutants(data, "text", 5, seed=7)]
    assert first != [m.data for m in mutants(data, "text", 5, seed=8)]
    assert all(m != data for m in first)


@pytest.mark.text
def test_the_fast_schema_check_agrees_with_jsonschema() -> None:
    """The campaign checks outputs with fastjsonschema and asks jsonschema only about failures:
    the two must agree on valid outputs and on outputs broken in each way the schema forbids."""
    fastjsonschema = pytest.importorskip("fastjsonschema")
    import copy
    import io
    import json

    from gongkai import parse
    from gongkai.exporters.json_export import write_json
    from gongkai.testing.fuzz import _validator

    fast, reference = _validator()
    stream = io.StringIO()
    write_json([parse(seed_documents("text")[0], name="seed.txt")], stream)
    valid = json.loads(stream.getvalue())
    broken = []
    for damage in (
        lambda d: d.pop("tables"),  # a required key missing
        lambda d: d["tables"][0].update(id=7),  # a wrong type
        lambda d: d["tables"][0]["rows"][0].update(code="१२३"),  # a code not in ASCII digits
        lambda d: d["findings"].append({"check": "x"}),  # a finding without its fields
        lambda d: d.update(unknown={}),  # a key the schema does not know
    ):
        document = copy.deepcopy(valid)
        damage(document)
        broken.append(document)
    assert fast(valid) is not None and not list(reference.iter_errors(valid))
    for document in broken:
        assert list(reference.iter_errors(document)), "the reference rejects it"
        with pytest.raises(fastjsonschema.JsonSchemaException):
            fast(document)
