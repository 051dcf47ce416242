"""HTML5's void elements made void again: libxml2 parses HTML 4, which does not know ``<embed>``,
``<source>``, ``<track>`` or ``<wbr>`` as elements without content, and nests everything after
such a tag inside it. A browser never does: what follows is the element's next sibling, and a
page whose tables come after an ``<embed>`` shows them."""

from __future__ import annotations

from lxml import etree

VOID = (
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
)


def unnest_voids(root: etree._Element) -> None:
    """Move whatever the parser put inside a void element (its text, its children) after it."""
    for element in list(root.iter(*VOID)):
        parent = element.getparent()
        if parent is None or (element.text is None and len(element) == 0):
            continue
        children = list(element)
        text, tail = element.text, element.tail
        element.text = None
        element.tail = text
        place = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(place + offset, child)  # moving a child takes its tail along
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "") or None
