"""The plugin manager: loads the core's built-in plugins and every installed ``gongkai`` entry
point, validates them, and collects the records they register."""

from __future__ import annotations

import functools
import importlib
import weakref
from collections.abc import Callable, Hashable, Iterable
from importlib import metadata
from typing import Any, Generic, Optional, TypeVar, cast

import attrs
import pluggy

from . import hookspecs
from .errors import PluginError
from .registrations import Check, Exporter, Reader, RegionProfile, Renderer

BUILTIN_PLUGINS = (
    "gongkai.readers.text",
    "gongkai.readers.markdown",
    "gongkai.readers.pdf",
    "gongkai.readers.html",
    "gongkai.exporters.json_export",
    "gongkai.exporters.csv_export",
    "gongkai.rendering.text",
    "gongkai.rendering.markdown",
    "gongkai.rendering.html",
    "gongkai.rendering.pdf",
    "gongkai.regions.profiles",
    "gongkai.regions.national",
    "gongkai.checks.builtin",
    "gongkai.checks.text",
    "gongkai.checks.narrative",
    "gongkai.checks.completeness",
    "gongkai.checks.consistency",
    "gongkai.checks.writing",
)

T = TypeVar("T", Reader, Renderer, Exporter, RegionProfile, Check)
V = TypeVar("V")

# one Registry per plugin manager, gathered again only when its set of plugins changes
_COLLECTED: weakref.WeakKeyDictionary[pluggy.PluginManager, tuple[frozenset[int], Registry]] = (
    weakref.WeakKeyDictionary()
)


def create_plugin_manager(*, entry_points: bool = True, plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    """A plugin manager with the built-in plugins, the installed entry points (unless
    ``entry_points`` is False) and ``plugins``; PluginError if a plugin is invalid."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    try:
        if entry_points:
            manager.load_setuptools_entrypoints(hookspecs.PROJECT)
        for plugin in plugins:
            manager.register(plugin)
        manager.check_pending()
    except (pluggy.PluginValidationError, ValueError) as error:
        raise PluginError(str(error)) from error
    Registry.collect(manager)  # two records with one name are an error at start-up, not mid-parse
    return manager


@functools.cache
def default_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with everything installed."""
    return create_plugin_manager()


@attrs.frozen
class Registered(Generic[T]):
    """A registered record and where it comes from: the plugin and its distribution."""

    record: T
    plugin: str
    distribution: Optional[str]


def _distributions(manager: pluggy.PluginManager) -> dict[str, str]:
    found = {}
    for plugin, dist in manager.list_plugin_distinfo():
        name = manager.get_name(plugin)
        if name:
            found[name] = f"{dist.metadata['name']} {dist.version}"
    try:
        core = f"gongkai {metadata.version('gongkai')}"
    except metadata.PackageNotFoundError:  # running from a source tree
        core = "gongkai (not installed)"
    for name in BUILTIN_PLUGINS:
        found[name] = core
    return found


@attrs.frozen
class Registry:
    """All readers, renderers, exporters, region profiles and checks registered on a plugin manager."""

    readers: tuple[Registered[Reader], ...]
    exporters: tuple[Registered[Exporter], ...]
    regions: tuple[Registered[RegionProfile], ...]
    checks: tuple[Registered[Check], ...] = ()
    renderers: tuple[Registered[Renderer], ...] = ()
    _memo: dict = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def collect(cls, manager: pluggy.PluginManager) -> Registry:
        """Every plugin's records, gathered once per plugin manager (again only after a plugin is
        registered or unregistered); PluginError when two records of a kind share a name."""
        plugins = frozenset(map(id, manager.get_plugins()))
        known = _COLLECTED.get(manager)
        if known is not None and known[0] == plugins:
            return known[1]
        registry = cls._gather(manager)
        _COLLECTED[manager] = (plugins, registry)
        return registry

    def cached(self, key: Hashable, make: Callable[[], V]) -> V:
        """``make()``, computed once for this registry (what derives from the plugins alone)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @classmethod
    def _gather(cls, manager: pluggy.PluginManager) -> Registry:
        distributions = _distributions(manager)

        def gather(hook: pluggy.HookCaller, kind: str, key: str = "name") -> tuple:
            records: list[Registered] = []
            seen: dict[str, str] = {}
            for implementation in reversed(hook.get_hookimpls()):
                plugin = implementation.plugin_name
                records_of_plugin = cast(Iterable[Any], implementation.function() or ())
                for record in records_of_plugin:
                    name = getattr(record, key)
                    if name in seen:
                        raise PluginError(f"{kind} {name!r} is registered twice: by {seen[name]} and by {plugin}")
                    seen[name] = plugin
                    records.append(Registered(record, plugin, distributions.get(plugin)))
            return tuple(records)

        return cls(
            readers=gather(manager.hook.gongkai_readers, "reader"),
            exporters=gather(manager.hook.gongkai_exporters, "exporter"),
            regions=gather(manager.hook.gongkai_regions, "region"),
            checks=gather(manager.hook.gongkai_checks, "check", key="id"),
            renderers=gather(manager.hook.gongkai_renderers, "renderer"),
        )

    def renderer(self, name: str) -> Renderer:
        """The renderer called ``name``; KeyError if none is."""
        for registered in self.renderers:
            if registered.record.name == name:
                return registered.record
        raise KeyError(name)

    def region(self, name: str) -> RegionProfile:
        """The region profile called ``name``; KeyError if none is."""
        for registered in self.regions:
            if registered.record.name == name:
                return registered.record
        raise KeyError(name)

    def extensions(self) -> tuple[str, ...]:
        """The file extensions the registered readers know (``.pdf``, ``.txt`` …)."""
        return tuple(extension for entry in self.readers for extension in entry.record.extensions)

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``; KeyError if none is."""
        for registered in self.exporters:
            if registered.record.name == name:
                return registered.record
        raise KeyError(name)
