"""Files written whole or not at all: a temporary file beside the target, flushed to disk and
renamed over it, removed on any interruption that can be caught.

A process killed outright (SIGKILL) can leave its temporary file behind; such files end in
:data:`PARTIAL` and are hidden, so that whoever owns the folder (``gongkai batch`` for its output
folder) can recognise and remove them.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Optional

PARTIAL = ".gongkai-partial"


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that it holds either its old content or all of ``data``;
    a new file gets the mode any new file would get, a replaced one keeps its own. Raises OSError."""
    with atomic_writer(target) as stream:
        stream.write(data)


@contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``target`` when the block ends without an
    exception, and is thrown away when it ends with one. Raises OSError."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent)
    try:
        # mkstemp makes the file private (0600)
        os.chmod(temporary, _existing_mode(target) or 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@contextmanager
def output_writer(target: Path) -> Iterator[BinaryIO]:
    """A stream whose content becomes ``target``: a regular file (or a new one) is replaced
    atomically, through a symbolic link its target (the link stays a link); a device, a FIFO or
    a socket (/dev/null, /dev/stdout) is written through. Raises OSError."""
    try:
        mode: Optional[int] = os.stat(target).st_mode  # through links
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as stream:
            yield stream
        return
    with atomic_writer(Path(os.path.realpath(target))) as stream:
        yield stream


def partial_files(folder: Path) -> Iterator[Path]:
    """The temporary files under ``folder`` that an interrupted write left behind."""
    return (path for path in folder.rglob(f".*{PARTIAL}") if path.is_file())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _existing_mode(path: Path) -> int:
    """The permission bits of ``path`` if it is a file that exists, else 0."""
    try:
        return path.stat().st_mode & 0o7777 if path.is_file() else 0
    except OSError:
        return 0
