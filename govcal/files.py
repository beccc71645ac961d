"""Writing output files atomically: a reader never sees a half-written file or folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def staged_dir(out: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a scratch folder beside `out`; on success move each file into `out`.

    If the body raises, nothing reaches `out`. Files are moved one by one with `os.replace`,
    so each appears whole.
    """
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".govcal-", dir=target))
    try:
        yield scratch
        for item in sorted(scratch.rglob("*")):
            if item.is_file():
                destination = target / item.relative_to(scratch)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(item, destination)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
