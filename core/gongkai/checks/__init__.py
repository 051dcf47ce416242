"""Checks of parsed documents: accounting identities, cross-table relations, text against tables,
document consistency and completeness.

Every check is a :class:`~gongkai.registrations.Check` registered through the ``gongkai_checks``
hook; the core's own checks (:mod:`gongkai.checks.builtin`) are registered the same way as a third
party's. :func:`run_checks` runs all of them on a document.
"""
