"""The mutation kit proves each narrative check: one planted error of each class is found by the
check named for it, on generated documents in every format and on the seeds in their own files;
the unmutated documents draw no error from the text checks."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document, Severity
from gongkai.testing.mutations import CLASSES, mutate, plant, verdict
from gongkai.testing.narrative import narrated_documents

from .seeds import FACTS, FIXTURES

SUFFIX = {"text": "txt", "markdown": "md", "html": "html", "pdf": "pdf"}
TEXT_CLASSES = list(CLASSES)


def _parse(data: bytes, fmt: str) -> Document:
    return gongkai.parse(data, name=f"mutant.{SUFFIX[fmt]}")


def _errors(document: Document) -> list[str]:
    return [
        f"{f.check}: {f.message}"
        for f in document.findings
        if f.severity is Severity.ERROR and f.check.startswith(("text.", "meta.", "completeness."))
    ]


FORMAT_PARAMS = [pytest.param(fmt, marks=getattr(pytest.mark, fmt), id=fmt) for fmt in ("text", "html", "pdf")]


@pytest.mark.parametrize("fmt", FORMAT_PARAMS)
def test_a_planted_error_is_found_by_its_check_in_a_generated_document(fmt: str) -> None:
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(document=narrated_documents(), kind=st.sampled_from(TEXT_CLASSES))
    def check(document: Document, kind: str) -> None:
        base = _parse(gongkai.render(document, fmt), fmt)
        assert _errors(base) == [], "the unmutated document must draw no error from the text checks"
        mutant = mutate(base, kind, random.Random(0))
        if mutant is None:
            return  # this document makes no claim of the kind and has no place to add one
        after = _parse(plant(mutant, fmt), fmt)
        judged = verdict(mutant, base.findings, after.findings)
        assert judged.found, f"{mutant.check} missed {kind}: {mutant.before!r} -> {mutant.after!r}"

    check()


SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]


@pytest.mark.parametrize("kind", TEXT_CLASSES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_planted_error_is_found_in_each_seed_file(seed: str, kind: str) -> None:
    path = FIXTURES / FACTS[seed].file
    source = path.read_bytes()
    base = gongkai.parse(path)
    mutant = mutate(base, kind, random.Random(1))
    if mutant is None:
        pytest.skip(f"seed {seed} has no place for a {kind} error")
    after = gongkai.parse(plant(mutant, base.format, source), name=path.name)
    judged = verdict(mutant, base.findings, after.findings)
    assert judged.found, f"{mutant.check} missed {kind} in {seed}: {mutant.before!r} -> {mutant.after!r}"


REAL_PDF = FIXTURES.parents[2] / "shared" / "pdf" / "shanghai-putuo-2024-final-shehui-gongzuobu.pdf"


@pytest.fixture(scope="module")
def real_pdf() -> Document:
    if not REAL_PDF.exists():
        pytest.skip("../shared/pdf is not beside the project")
    return gongkai.parse(REAL_PDF)


@pytest.mark.pdf
@pytest.mark.parametrize("kind", TEXT_CLASSES)
def test_a_planted_error_is_found_in_a_real_pdf_printed_again(real_pdf: Document, kind: str) -> None:
    """A published final's 情况说明, read from its PDF, mutated and printed as PDF again."""
    base = _parse(plant_unmutated(real_pdf), "pdf")
    mutant = mutate(base, kind, random.Random(2))
    assert mutant is not None, f"no place for a {kind} error in the published document"
    after = _parse(plant(mutant, "pdf"), "pdf")
    judged = verdict(mutant, base.findings, after.findings)
    assert judged.found, f"{mutant.check} missed {kind}: {mutant.before!r} -> {mutant.after!r}"


def plant_unmutated(document: Document) -> bytes:
    return gongkai.render(document, "pdf")
