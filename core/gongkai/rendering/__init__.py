"""Print a parsed disclosure again, in any registered format and in any region's conventions.

    >>> import gongkai
    >>> document = gongkai.parse("disclosure.pdf")             # doctest: +SKIP
    >>> html = gongkai.render(document, to="html")              # doctest: +SKIP
    >>> text = gongkai.render(document, to="text", region="yunnan")  # doctest: +SKIP

The document is laid out once (:func:`~gongkai.rendering.compose.compose`) into a
:class:`~gongkai.rendering.sheet.Sheet`; the renderer plugin registered under the format's name
prints it. Printed amounts are never altered.
"""

from __future__ import annotations

from typing import Optional

import pluggy

from ..manager import Registry, default_plugin_manager
from ..registrations import RegionProfile
from ..schema import Document
from .compose import compose
from .sheet import Sheet

#: The conventions of documents no region plugin claims: the national 表样.
NATIONAL = RegionProfile(name="national", province="", description="the national 表样")


def region_profile(registry: Registry, name: Optional[str]) -> RegionProfile:
    """The registered profile called ``name``; the national one for "national" or an unknown
    region (a document no plugin claimed). KeyError names an unknown region asked for."""
    if name is None or name == NATIONAL.name:
        return NATIONAL
    return registry.region(name)


def lay_out(
    document: Document, region: Optional[str] = None, plugin_manager: Optional[pluggy.PluginManager] = None
) -> Sheet:
    """``document`` laid out in the conventions of ``region`` (default: its own region)."""
    registry = Registry.collect(plugin_manager or default_plugin_manager())
    own = region is None or region == document.plugin
    try:
        profile = region_profile(registry, document.plugin if region is None else region)
    except KeyError:
        if not own:
            raise
        profile = NATIONAL
    return compose(document, profile, own=own)


def render(
    document: Document,
    to: str = "html",
    *,
    region: Optional[str] = None,
    plugin_manager: Optional[pluggy.PluginManager] = None,
) -> bytes:
    """``document`` printed as format ``to`` (a registered renderer's name) in the conventions of
    ``region`` (a registered region's name; default: the document's own). KeyError names an
    unknown format or region."""
    manager = plugin_manager or default_plugin_manager()
    renderer = Registry.collect(manager).renderer(to)
    return renderer.render(lay_out(document, region, manager))
