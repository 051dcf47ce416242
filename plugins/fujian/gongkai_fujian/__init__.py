"""Fujian (福建省): its cities and the 公开NN numbering of its final-accounts tables.

Fujian's documents follow the national layout, so the region is plain data: a profile.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.plugin import Conventions, RegionProfile, hookimpl, national_numbering

PROFILE = RegionProfile(
    name="fujian",
    province="福建省",
    cities=("福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市", "宁德市"),
    counties=("平潭综合实验区",),
    numbering={
        "final": national_numbering("final"),
    },
    description="福建省: 公开01–09 (三公 07, 政府性基金 08, 国有资本经营 09)",
    conventions=Conventions(zero="0.00", economic_groups=3),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]
