"""The committed fixtures are the project's seed documents, unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from .seeds import FACTS, FIXTURES

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the project")
@pytest.mark.parametrize("seed", sorted(FACTS))
def test_fixture_is_the_shared_seed(seed: str) -> None:
    name = FACTS[seed].file
    assert (FIXTURES / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_the_bundled_sample_is_seed_003() -> None:
    from gongkai.samples import sample_path

    assert sample_path().read_bytes() == (FIXTURES / FACTS["003"].file).read_bytes()
