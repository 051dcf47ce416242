"""The central departments' template (中央部门), as the universities directly under the Ministry of
Education (教育部直属高校) publish it.

A central body publishes under the central template wherever it stands, so the region is claimed
from what the document says of itself, not from a city in its name: a body that says it is
directly under a ministry (教育部直属, 中央部门所属, 部属) and is a university or college, or whose
tables are the template's 高等学校… tables. Universities print four tables: 收支预算总表 /
收支决算总表, 收入预算表 / 收入决算表, 支出预算表 / 支出决算表 and 财政拨款支出预算表 / 决算表
(表1–表4 in the finals, titles prefixed by the university's name or by 高等学校). The titles are
recognised by gongkai's title vocabulary; this profile claims the documents and says which
tables they must print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from gongkai.plugin import Conventions, DetectionContext, Region, RegionClaim, RegionProfile, hookimpl

_UNIVERSITY_SET = {
    "01": "summary",
    "02": "income",
    "03": "expenditure",
    "04": "fiscal_grant_expenditure",
}

PROFILE = RegionProfile(
    name="central",
    province="中央",
    numbering={"final": _UNIVERSITY_SET, "budget": _UNIVERSITY_SET},
    description="中央部门 (教育部直属高校): 表1–表4 收支总表, 收入, 支出, 财政拨款支出; 高等学校… titles",
    conventions=Conventions(thousands=True, zero="", economic_groups=1),
)

# A claim on what the document says it is outranks a claim on a city in the body's name: a
# central body keeps the central template wherever it stands.
SCORE = 150
_UNDER_A_MINISTRY = re.compile(r"教育部直属|中央部门所属|中央部属|部属高校|中央高校")
_UNIVERSITY = re.compile(r"(?:大学|学院|学校)$")
_TEMPLATE_TITLE = re.compile(r"高等学校(?:收支|收入|支出|财政拨款)[^\n]{0,12}[决预]算(?:总)?表")


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]


@hookimpl
def gongkai_detect_region(context: DetectionContext, profiles: Sequence[RegionProfile]) -> Optional[RegionClaim]:
    university = bool(context.entity and _UNIVERSITY.search(context.entity))
    if (university and _UNDER_A_MINISTRY.search(context.text)) or _TEMPLATE_TITLE.search(context.text):
        return RegionClaim(plugin=PROFILE.name, region=Region(province=PROFILE.province), score=SCORE, profile=PROFILE)
    return None
