"""``gongkai batch``: many documents into one output folder, in parallel processes or on a Dask
cluster, resumable, with a manifest of what became of each.

:func:`~gongkai.batch.run.run` drives a run; :mod:`~gongkai.batch.job` parses one document where
it runs; :mod:`~gongkai.batch.workers` says where that is; :mod:`~gongkai.batch.folder` keeps
the outputs and the state that lets an interrupted run continue.
"""

from __future__ import annotations

from .job import MANIFEST_FIELDS, Options, Outcome
from .run import Interrupted, Summary, run
from .workers import workers

__all__ = ["MANIFEST_FIELDS", "Interrupted", "Options", "Outcome", "Summary", "run", "workers"]
