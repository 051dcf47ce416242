"""Shanghai (上海市): its districts and the table sets of its district budgets and finals.

Shanghai is a municipality: its 16 districts (区) publish as counties do elsewhere. The district
budgets (区级部门预算, 单位预算) print nine tables, numbered 1.–9. only in the table of contents:
财务收支预算总表, 收入预算总表, 支出预算总表, 财政拨款收支预算总表, three 功能分类预算表 (一般公共
预算, 政府性基金, 国有资本经营), 一般公共预算基本支出部门预算经济分类预算表 and “三公”经费和机关运行
经费预算表; amounts in 元, codes in 类 | 款 | 项 columns. The finals follow the national nine.
The titles are recognised by gongkai's title vocabulary; this profile says which tables the
documents must print and how they print them.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.plugin import Conventions, RegionProfile, hookimpl, national_numbering

DISTRICTS = (
    "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区",
    "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区",
)  # fmt: skip

PROFILE = RegionProfile(
    name="shanghai",
    province="上海市",
    counties=DISTRICTS,
    numbering={
        "budget": national_numbering(
            "budget",
            {
                "06": "government_fund",
                "07": "state_capital",
                "08": "basic_expenditure_economic",
                "09": "three_public_operating",
            },
        ),
        "final": national_numbering("final"),
    },
    description="上海市 (区级): 预算 1.–9. (财务收支预算总表 … “三公”经费和机关运行经费预算表, 元), 决算 national nine",
    conventions=Conventions(split_codes=True, thousands=True, zero="", economic_groups=1),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]
