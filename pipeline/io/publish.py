"""One writer per output directory, and outputs that appear all at once.

**Lock.** A run holds ``OUT/.vnews.lock`` (``fcntl.flock``, with its pid written inside) from
before it reads anything in OUT until its outputs are published. A second run into the same OUT
stops with :class:`~pipeline.errors.LockedError` naming that pid. The kernel drops the lock when
its holder dies, so a killed run never leaves OUT locked.

**Publish.** Every output is written into a staging folder of its own run,
``OUT/.stage-<run id>/``, and fsynced. Then a journal ``OUT/.publish`` naming the stage and its
files is written atomically (temp file, fsync, rename), the files are renamed into OUT one by one
with ``manifest.json`` last, and the journal is removed. A kill at any instant leaves either

* no journal: OUT holds the previous set untouched (the stage is only a leftover), or
* a journal: OUT may hold a mix, which the manifest shows (its sha256 do not match) and which
  :func:`recover` completes by renaming the rest of the staged files — it is idempotent, so a
  kill during recovery is recovered by the next one.

Every vnews command that writes or reads an OUT calls :func:`recover` first, under the lock.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import time
import uuid
from pathlib import Path

from ..errors import LockedError, OutputError

__all__ = ["OutputLock", "Stage", "recover", "new_run_id", "JOURNAL", "LOCK", "STAGE_PREFIX"]

LOCK = ".vnews.lock"
JOURNAL = ".publish"
STAGE_PREFIX = ".stage-"
MANIFEST = "manifest.json"
# Test hook: seconds to sleep before each rename of the publish phase, so a test can kill a run
# inside it at chosen instants. Unset in normal use.
DELAY_ENV = "VNEWS_TEST_PUBLISH_DELAY"


def new_run_id() -> str:
    """Unique per run, so two runs never share a staging folder or a spill file."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def no_space(out_dir: Path) -> OutputError:
    return OutputError(f"{out_dir}: no space left on OUT; the previous outputs are intact, "
                       "free some space (or pick another --out) and run again")


class OutputLock:
    """``OUT/.vnews.lock`` held by this process; use as a context manager."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK
        self.fd: int | None = None

    def acquire(self) -> "OutputLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockedError(f"{self.path.parent}: another vnews run (pid {holder}) is writing this output "
                              "directory; wait for it to finish or pass another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            # The file stays: unlinking it would let a third run lock a new inode while a second
            # one still waits on the old.
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class Stage:
    """This run's staging folder ``OUT/.stage-<run id>``: the SQLite spill and the new outputs."""

    def __init__(self, out_dir: Path, run_id: str):
        self.out_dir = out_dir
        self.path = out_dir / f"{STAGE_PREFIX}{run_id}"
        self.path.mkdir()

    def file(self, name: str) -> Path:
        return self.path / name

    def publish(self, names: list[str]) -> None:
        """Move ``names`` (staged, closed) into OUT as one set; ``manifest.json`` goes last."""
        names = sorted(n for n in names if n != MANIFEST) + [MANIFEST]
        for name in names:
            with open(self.path / name, "rb") as fh:
                os.fsync(fh.fileno())
        fsync_dir(self.path)
        tmp = self.out_dir / f"{JOURNAL}.{self.path.name}"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"stage": self.path.name, "files": names}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.out_dir / JOURNAL)
        fsync_dir(self.out_dir)
        _roll_forward(self.out_dir)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _roll_forward(out_dir: Path) -> None:
    """Finish the publish the journal describes: rename what is still staged, then drop the journal."""
    journal = out_dir / JOURNAL
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        stage = out_dir / record["stage"]
        files = list(record["files"])
    except (OSError, ValueError, KeyError, TypeError):
        # The journal is renamed into place whole, so this is not a torn write: someone else's
        # file. Leaving it would block nothing; removing it is safe because OUT was not touched.
        journal.unlink(missing_ok=True)
        return
    delay = float(os.environ.get(DELAY_ENV, "0") or 0)
    for name in files:
        if delay:
            time.sleep(delay)
        src = stage / name
        if src.exists():
            os.replace(src, out_dir / name)
    fsync_dir(out_dir)
    journal.unlink()
    fsync_dir(out_dir)
    shutil.rmtree(stage, ignore_errors=True)


def recover(out_dir: Path, locked: bool = False) -> bool:
    """Complete a publish a kill interrupted; True if one was completed.

    Readers of OUT call it bare: it does nothing (and writes nothing) unless a journal is there,
    and then takes the lock, raising LockedError when a run is publishing right now. A writer
    calls it holding the lock (``locked``) and also removes other runs' leftover stages.
    """
    out_dir = Path(out_dir)
    if not locked and not (out_dir / JOURNAL).exists():
        return False
    lock = None if locked else OutputLock(out_dir).acquire()
    try:
        completed = (out_dir / JOURNAL).exists()
        if completed:
            _roll_forward(out_dir)
        if locked:
            for leftover in out_dir.glob(f"{STAGE_PREFIX}*"):
                shutil.rmtree(leftover, ignore_errors=True)
            for leftover in out_dir.glob(f"{JOURNAL}.*"):
                leftover.unlink(missing_ok=True)
            for old in (".tmp-run", ".tmp-store"):  # the staging and spill folders of earlier versions
                shutil.rmtree(out_dir / old, ignore_errors=True)
        return completed
    finally:
        if lock is not None:
            lock.release()


def is_no_space(exc: BaseException) -> bool:
    """ENOSPC from the OS, or SQLite's own way of saying it."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return type(exc).__name__ in ("OperationalError", "DatabaseError") and "full" in str(exc)
