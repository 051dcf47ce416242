"""Regions described as data (:class:`~gongkai.registrations.RegionProfile`) at work: claiming a
document by the cities in its publisher's name, and mapping the region's table titles and
numbering to canonical tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ..canonical import load_spec, normalise_title
from ..hookspecs import hookimpl
from ..identification import BY_NUMBER, BY_TITLE, Identification
from ..identify import by_structure, by_title
from ..registrations import DetectionContext, RegionClaim, RegionProfile
from ..schema import Region
from ..segment import TableBlock
from .names import split_admin_name

ENTITY_SCORE = 100
COVER_SCORE = 50


def _short(name: str) -> str:
    for suffix in ("自治区", "自治州", "地区", "省", "市", "州", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def claim_from_text(profile: RegionProfile, text: str, score: int) -> Optional[RegionClaim]:
    """A claim for ``profile`` if ``text`` names its province, one of its cities or counties."""
    if not text:
        return None
    parsed = split_admin_name(text)
    city = next(
        (c for c in profile.cities if text.startswith(c) or (parsed.city and _short(c) == _short(parsed.city))), None
    )
    if city is None:
        city = next((c for c in profile.cities if _short(c) in text), None)
    if city is None and parsed.city and profile.province and _short(parsed.city) == _short(profile.province):
        city = parsed.city  # a municipality (直辖市: 上海市普陀区) is its own city
    county = parsed.county if city and parsed.city else None
    if county is None:
        county = next((c for c in profile.counties if c in text), None)
    if city is None and county is None and _short(profile.province) not in text:
        return None
    region = Region(province=profile.province, city=city, county=county)
    return RegionClaim(plugin=profile.name, region=region, score=score, profile=profile)


@hookimpl
def gongkai_detect_region(context: DetectionContext, profiles: Sequence[RegionProfile]) -> Optional[RegionClaim]:
    claims = []
    for profile in profiles:
        for text, score in ((context.entity or "", ENTITY_SCORE), (context.cover, COVER_SCORE)):
            claim = claim_from_text(profile, text, score)
            if claim is not None:
                claims.append(claim)
                break
    return max(claims, key=lambda claim: claim.score, default=None)


@hookimpl
def gongkai_identify_table(block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[Identification]:
    profile = region.profile
    if profile is None:
        return None
    titles = {normalise_title(title): table for title, table in profile.titles.items()}
    for title in (block.title, block.heading):
        if title and normalise_title(title) in titles:
            return Identification(titles[normalise_title(title)], BY_TITLE)
    # a title printed exactly as the national set prints it names its table whatever number it
    # carries: regions renumber, and a template's 表2 may be another table than the region's 02
    exact = load_spec().by_title(block.title, kind) if block.title and kind else None
    if exact is not None:
        return Identification(exact, BY_TITLE)
    if block.number is not None:
        table = profile.numbering.get(kind or "final", {}).get(block.number)
        if table is None or _numbered_otherwise(block, table, kind):
            return None
        return Identification(table, BY_NUMBER)
    return None


def _numbered_otherwise(block: TableBlock, table: str, kind: Optional[str]) -> bool:
    """True if ``block``'s title names another standard table than its number does in the
    region's set, and its structure does not side with the number: a document that leaves some
    tables out numbers the rest its own way (表4 for the region's 公开05), so the title decides."""
    named = by_title(block.title, kind) if block.title else None
    if named is None or named.table == table:
        return False
    shaped = by_structure(block.header, block.body)
    return shaped is None or shaped.table != table
