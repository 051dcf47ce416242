from __future__ import annotations

import pytest

import gongkai
from gongkai import Document

from .seeds import FACTS, FIXTURES


@pytest.fixture(scope="session")
def parsed() -> dict[str, Document]:
    """Each seed parsed once for the whole session."""
    return {seed: gongkai.parse(FIXTURES / facts.file) for seed, facts in FACTS.items()}
