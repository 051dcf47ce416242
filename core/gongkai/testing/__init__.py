"""Testing tools for gongkai and its plugins (``pip install 'gongkai[testing]'``, needs hypothesis).

* :func:`documents` and :func:`ledgers`: hypothesis strategies for realistic, consistent
  disclosures in a region's conventions (:mod:`gongkai.testing.strategies`);
* :func:`differences`: what differs between two documents' tables, cell by cell
  (:mod:`gongkai.testing.compare`);
* :class:`RegionConformance`: ready-made round-trip and detection tests for a region plugin
  (:mod:`gongkai.testing.kit`).
"""

from __future__ import annotations

from .compare import differences, table_differences
from .kit import (
    FORMATS,
    RegionConformance,
    assert_change_found,
    assert_round_trip,
    change_one_amount,
    profile_of,
    round_trip,
    unmapped_headers,
)
from .strategies import TABLES, documents, ledgers

__all__ = [
    "FORMATS",
    "TABLES",
    "RegionConformance",
    "assert_change_found",
    "assert_round_trip",
    "change_one_amount",
    "differences",
    "documents",
    "ledgers",
    "profile_of",
    "round_trip",
    "table_differences",
    "unmapped_headers",
]
