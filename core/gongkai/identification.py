"""How a printed table was recognised as a standard one: by its title, its number, a title
variant, a plugin, the table of contents or its structure, and how sure that makes it."""

from __future__ import annotations

import attrs

#: How a table was identified, most trusted first.
BY_TITLE = "title"  # a title printed exactly as the national set or the region prints it
BY_NUMBER = "number"  # the region's printed table number
BY_TITLE_VARIANT = "title-variant"  # the words of a title variant (spec/titles.toml)
BY_PLUGIN = "plugin"  # a plugin's answer that did not say how it knew
BY_CONTENTS = "contents"  # the table's place in the table of contents
BY_STRUCTURE = "structure"  # its header words and row codes, the title missing or unknown

#: Identifications inferred rather than read off a printed title or number: an identity whose
#: inputs come from such a table is not sure enough to call an inequality an error.
INFERRED = frozenset({BY_CONTENTS, BY_STRUCTURE})

CONFIDENCE = {
    BY_TITLE: 1.0,
    BY_NUMBER: 0.95,
    BY_TITLE_VARIANT: 0.9,
    BY_PLUGIN: 0.9,
    BY_CONTENTS: 0.7,
    BY_STRUCTURE: 0.6,
}


def _default_confidence(identification: Identification) -> float:
    return CONFIDENCE.get(identification.by, 0.5)


@attrs.frozen
class Identification:
    """Which canonical table a printed table is (``table``), how that was decided (``by``, one of
    the ``BY_*`` names) and how sure it is (0–1; by default what ``by`` is worth).

    Example::

        >>> from gongkai.plugin import BY_NUMBER, Identification
        >>> Identification(table="three_public", by=BY_NUMBER).confidence
        0.95
        >>> Identification(table="three_public", confidence=0.8)
        Identification(table='three_public', by='plugin', confidence=0.8)
    """

    table: str
    by: str = BY_PLUGIN
    confidence: float = attrs.field(default=attrs.Factory(_default_confidence, takes_self=True))
