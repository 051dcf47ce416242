"""The layout thresholds are one record a caller can change for one parse, and nothing else."""

from __future__ import annotations

import attrs
import pytest

import gongkai
from gongkai import settings
from gongkai.settings import Settings
from gongkai.titles import read_title

from .seeds import FACTS, FIXTURES

SEED = FIXTURES / FACTS["002"].file


def test_every_threshold_is_named_documented_and_has_a_unit() -> None:
    for field in attrs.fields(Settings):
        assert field.metadata.get("doc") and field.metadata.get("unit"), field.name
        assert isinstance(field.default, (int, float)) and field.default > 0, field.name


def _targets(document: gongkai.Document) -> list[str]:
    return [table.title or "" for table in document.tables if table.id == "performance_targets"]


def _words(title: str) -> str:
    read = read_title(title)
    assert read is not None
    return read.words


@pytest.mark.text
def test_settings_chosen_for_one_parse_change_that_parse_only() -> None:
    """A line longer than ``max_title`` is a sentence, not a title: with a shorter limit, the
    绩效目标表 whose project names make their titles long are no longer tables of that parse,
    the others are read as before, and the next parse is back to the defaults."""
    default = _targets(gongkai.parse(SEED, checks=False))
    short = _targets(gongkai.parse(SEED, checks=False, settings=Settings(max_title=20)))
    assert short == [title for title in default if len(_words(title)) <= 20]
    assert len(short) < len(default)
    assert settings.current() is settings.DEFAULT
    assert _targets(gongkai.parse(SEED, checks=False)) == default


@pytest.mark.text
def test_settings_in_force_apply_to_parses_inside_the_block() -> None:
    with settings.using(Settings(max_title=20)):
        inside = _targets(gongkai.parse(SEED, checks=False))
    assert inside == _targets(gongkai.parse(SEED, checks=False, settings=Settings(max_title=20)))
    assert len(inside) < len(_targets(gongkai.parse(SEED, checks=False)))
