"""Fujian (福建省): its cities and the 公开NN numbering of its final-accounts tables.

Fujian's documents follow the national layout, so the region is plain data: a profile.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai import Conventions, RegionProfile, hookimpl

PROFILE = RegionProfile(
    name="fujian",
    province="福建省",
    cities=("福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市", "宁德市"),
    counties=("平潭综合实验区",),
    numbering={
        "final": {
            "01": "summary",
            "02": "income",
            "03": "expenditure",
            "04": "fiscal_grant_summary",
            "05": "general_budget_expenditure",
            "06": "basic_expenditure_economic",
            "07": "three_public",
            "08": "government_fund",
            "09": "state_capital",
        }
    },
    description="福建省: 公开01–09 (三公 07, 政府性基金 08, 国有资本经营 09)",
    conventions=Conventions(zero="0.00", economic_groups=3),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]
