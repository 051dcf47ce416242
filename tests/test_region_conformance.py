"""Every region plugin of this repository passes the conformance kit a third party's plugin runs:
its headers map back, its documents are claimed by it and round-trip, a changed amount is found,
and other regions' documents parse the same with and without it.

The central plugin is not here: it claims 中央部门 and universities by their names (a
``gongkai_detect_region`` hook), which the kit's generated bodies (a city and a department) never
print; tests/test_regions_api.py checks its claims."""

from __future__ import annotations

import pytest

from gongkai.testing import RegionConformance


class _Region(RegionConformance):  # not collected: one class per region below
    formats = ("text", "markdown")
    examples = 4


@pytest.mark.text
class TestFujian(_Region):
    region = "fujian"
    kinds = ("final",)


@pytest.mark.text
class TestYunnan(_Region):
    region = "yunnan"
    kinds = ("final",)


@pytest.mark.text
class TestHubei(_Region):
    region = "hubei"
    kinds = ("final",)


@pytest.mark.text
class TestShanghai(_Region):
    region = "shanghai"


@pytest.mark.text
class TestJiangsu(_Region):
    region = "jiangsu"
    kinds = ("budget",)
