"""Jiangsu (江苏省): its cities and the twelve tables of its 省级部门预算公开报表.

Jiangsu's provincial budgets (2017–2019 template, 江苏省财政厅印制) print twelve tables, numbered
公开01表–公开12表 or 公开表一–公开表十二 from 2018 (in 2017 only the table of contents numbers
them, and in another order): 收支预算总表 (收入 | 支出 by function | 支出 by use), 收入预算总表
(the sources of income as rows under one 金额), 支出预算总表 (one line), 财政拨款收支预算总表, the
财政拨款 and 一般公共预算 expenditure by function (功能科目) and basic expenditure by economic
class (经济科目), “三公”经费、会议费、培训费支出预算表, 政府性基金支出预算表, 一般公共预算机关运行
经费支出预算表 and 政府采购预算表. Titles are recognised by gongkai's title vocabulary; this
profile maps the printed numbers and says which tables a budget must print.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.plugin import Conventions, RegionProfile, hookimpl, national_numbering

PROFILE = RegionProfile(
    name="jiangsu",
    province="江苏省",
    cities=(
        "南京市",
        "无锡市",
        "徐州市",
        "常州市",
        "苏州市",
        "南通市",
        "连云港市",
        "淮安市",
        "盐城市",
        "扬州市",
        "镇江市",
        "泰州市",
        "宿迁市",
    ),
    numbering={
        "budget": national_numbering(
            "budget",
            {
                "05": "fiscal_grant_expenditure",
                "06": "fiscal_grant_basic_economic",
                "07": "general_budget_expenditure",
                "08": "basic_expenditure_economic",
                "09": "three_public",
                "10": "government_fund",
                "11": "operating_expenses",
                "12": "procurement",
            },
        ),
    },
    description="江苏省: 预算 公开01–12 (财政拨款 and 一般公共预算 tables, 三公·会议费·培训费, 机关运行经费, 政府采购)",
    conventions=Conventions(thousands=True, zero="", economic_groups=1),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]
