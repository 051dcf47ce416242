"""Splitting a publishing body's name into province, city and county."""

from __future__ import annotations

import re

from ..schema import Region

_ADMIN = re.compile(
    r"^(?:中共)?"
    r"(?P<province>[\u4e00-\u9fff]{2,3}?(?:省|自治区))?"
    r"(?P<city>[\u4e00-\u9fff]{2,8}?(?:自治州|市|州|地区|盟))?"
    r"(?P<county>[\u4e00-\u9fff]{1,6}?(?:自治县|区|县|旗|市))?"
)
_NOT_PLACE = re.compile(r"局|委|中心|办|厅|院|会|部|所|站|队|处|科")


def split_admin_name(name: str) -> Region:
    """The province, city and county that open ``name`` (``曲靖市沾益区医疗保障局`` gives
    city 曲靖市 and county 沾益区); parts that are not place names are left out."""
    found = _ADMIN.match(name)
    if not found:
        return Region()
    parts = {key: value for key, value in found.groupdict().items() if value and not _NOT_PLACE.search(value)}
    return Region(province=parts.get("province"), city=parts.get("city"), county=parts.get("county"))
