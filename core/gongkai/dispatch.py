"""The decision hooks as one document's region answers them.

Once a region has claimed a document (``gongkai_detect_region``), the decision hooks are asked of
that region's plugin, of plugins that register no region, and of the core's national baseline,
which answers last: another region's plugin never sees the document, so no plugin guards itself
against documents it did not claim.

Two kinds of decision hooks:

* **decisions** (``gongkai_identify_table``, ``gongkai_map_column``): the first answer that is not
  None wins, the region's before the national baseline's;
* **adjustments** (``gongkai_repair_table``, ``gongkai_adjust_identities``,
  ``gongkai_adjust_phrases``): chained. Each implementation receives the value as the previous one
  returned it (None keeps it), in pluggy's call order: ``tryfirst`` implementations, then plugins
  in reverse order of registration, then ``trylast`` ones (the national baseline's repairs). So
  two plugins can both contribute to one document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import pluggy

from .errors import PluginError
from .manager import Registry

#: The adjustment hooks and the name of the argument each one adjusts and returns.
CHAINED: Mapping[str, str] = {
    "gongkai_repair_table": "table",
    "gongkai_adjust_identities": "identities",
    "gongkai_adjust_phrases": "phrases",
}


@attrs.frozen
class Chain:
    """An adjustment hook called as a chain: ``chain(table=t, block=b, region=r)`` returns ``t`` as
    every implementation in turn adjusted it."""

    caller: pluggy.HookCaller
    value: str

    def __call__(self, **kwargs: Any) -> Any:
        value = kwargs.pop(self.value)
        for implementation in reversed(self.caller.get_hookimpls()):
            if implementation.hookwrapper or implementation.wrapper:
                # a wrapper yields around the others; a chain has no "others" to yield to
                raise PluginError(
                    f"{implementation.plugin_name}: {self.caller.name} is chained; it cannot be a wrapper"
                )
            arguments = {name: value if name == self.value else kwargs[name] for name in implementation.argnames}
            adjusted = implementation.function(**arguments)
            if adjusted is not None:
                value = adjusted
        return value


@attrs.frozen
class RegionHooks:
    """The decision hooks for the documents one region claimed, called as ``hooks.gongkai_map_column(…)``
    like pluggy's ``manager.hook``."""

    gongkai_identify_table: pluggy.HookCaller
    gongkai_map_column: pluggy.HookCaller
    gongkai_repair_table: Chain
    gongkai_adjust_identities: Chain
    gongkai_adjust_phrases: Chain


def region_hooks(manager: pluggy.PluginManager, region: str) -> RegionHooks:
    """The decision hooks for documents claimed by the region profile named ``region`` (a name no
    profile has, such as "national", leaves out every region plugin)."""
    registry = Registry.collect(manager)
    return registry.cached(("hooks", region), lambda: _hooks(manager, registry, region))


def _hooks(manager: pluggy.PluginManager, registry: Registry, region: str) -> RegionHooks:
    claimed = {entry.plugin for entry in registry.regions if entry.record.name == region}
    others = {entry.plugin for entry in registry.regions} - claimed
    removed = {plugin for name in others if (plugin := manager.get_plugin(name)) is not None}

    def caller(name: str) -> pluggy.HookCaller:
        return manager.subset_hook_caller(name, removed)

    def chain(name: str) -> Chain:
        return Chain(caller(name), CHAINED[name])

    return RegionHooks(
        gongkai_identify_table=caller("gongkai_identify_table"),
        gongkai_map_column=caller("gongkai_map_column"),
        gongkai_repair_table=chain("gongkai_repair_table"),
        gongkai_adjust_identities=chain("gongkai_adjust_identities"),
        gongkai_adjust_phrases=chain("gongkai_adjust_phrases"),
    )
