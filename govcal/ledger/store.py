"""The ledger file: creating, recognising, migrating, backing up, and one transaction per command.

Why the standard library's `sqlite3` and no wrapper: the ledger is one embedded file with no
server, and SQLite gives everything the office's record needs — transactions (each command is one
``BEGIN IMMEDIATE … COMMIT``, so a crash leaves the state before or after it), WAL with a busy
timeout (two commands at once wait for each other), and the online backup API. A wrapper adds
nothing of that and would be one more dependency to keep.

Safety rules kept here:

- a file is recognised from its first 100 bytes (SQLite's header: magic, ``user_version``,
  ``application_id``) before any connection is opened, so a file that is not a ledger, or a
  ledger of a newer govcal, is refused without a byte of it or beside it changing;
- a new ledger is built in a private temporary file and linked into place only when complete;
- before a migration a copy of the file is kept (the backup API), then the migration runs in one
  transaction;
- every file made here — ledger, backups, migration copies — is created with mode 0600 (owner
  only: they hold the government's internal agenda), and SQLite gives its -wal and -shm files the
  database file's mode.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from govcal.ledger import schema
from scheduler.errors import InputError, Problem

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
USER_VERSION_OFFSET, APPLICATION_ID_OFFSET = 60, 68
# Seconds a command waits for another command's transaction before it gives up ("ledger busy").
DEFAULT_BUSY_SECONDS = 10.0
BUSY_ENV = "GOVCAL_LEDGER_BUSY_SECONDS"
FILE_MODE = 0o600
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def _problem(path: Path | str, key: str, **params: object) -> InputError:
    return InputError([Problem(str(path), "", key, params)])


def busy_seconds() -> float:
    """How long to wait for the ledger; `GOVCAL_LEDGER_BUSY_SECONDS` may set it (a shared drive, a test)."""
    raw = os.environ.get(BUSY_ENV)
    if raw is None:
        return DEFAULT_BUSY_SECONDS
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise _problem(BUSY_ENV, "input.type.number") from None


def is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def read_header(path: Path) -> tuple[int, int]:
    """(user_version, application_id) from the file's header; refuse anything that is not a ledger.

    Only reads: nothing is opened through SQLite, so a refused file is left exactly as it was.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(HEADER_BYTES)
    except FileNotFoundError:
        raise _problem(path, "ledger.missing") from None
    except OSError as error:
        raise _problem(path, "input.unreadable", reason=error.strerror or str(error)) from None
    if len(header) < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise _problem(path, "ledger.not_sqlite")
    version = int.from_bytes(header[USER_VERSION_OFFSET:USER_VERSION_OFFSET + 4], "big")
    application = int.from_bytes(header[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")
    if application != schema.APPLICATION_ID:
        raise _problem(path, "ledger.not_ledger")
    return version, application


def _refuse_newer(path: Path, version: int) -> None:
    if version > schema.SCHEMA_VERSION:
        raise _problem(path, "ledger.newer", found=version, known=schema.SCHEMA_VERSION)


def create_private_file(path: Path) -> None:
    """An empty file only its owner may read and write; fails if `path` exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(descriptor)


def _scratch_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def _link_into_place(scratch: Path, target: Path, exists_key: str) -> None:
    """Move a finished file to `target` without ever replacing a file already there."""
    try:
        os.link(scratch, target)
    except FileExistsError:
        raise _problem(target, exists_key) from None
    except OSError:
        # A file system without hard links: the existence check and the rename are not one
        # step, but both files are ours and complete.
        if target.exists():
            raise _problem(target, exists_key) from None
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level None: the module opens no transactions of its own; commands open exactly one.
    connection = sqlite3.connect(path, timeout=busy_seconds(), isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a database with SQLite's online backup API into a new private file at `target`,
    checked with ``PRAGMA integrity_check`` before it is put in place."""
    target = Path(target)
    scratch = _scratch_beside(target)
    create_private_file(scratch)
    try:
        copy = sqlite3.connect(scratch, isolation_level=None)
        try:
            source.backup(copy)
            (result,) = copy.execute("PRAGMA integrity_check").fetchone()
            if result != "ok":
                raise sqlite3.DatabaseError(f"backup copy failed its integrity check: {result}")
        finally:
            copy.close()
        _link_into_place(scratch, target, "ledger.backup_exists")
    finally:
        scratch.unlink(missing_ok=True)
        Path(f"{scratch}-journal").unlink(missing_ok=True)


class Store:
    """An open ledger file: one connection, and the transactions commands run in."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` for a command that writes (it waits for, or gives way
        to, another writer before reading anything), a plain ``BEGIN`` for a consistent read."""
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise _problem(self.path, "ledger.busy", seconds=f"{busy_seconds():g}") from None
            raise
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError) and is_busy(error):
                raise _problem(self.path, "ledger.busy", seconds=f"{busy_seconds():g}") from None
            raise

    def backup(self, destination: Path) -> None:
        """A consistent copy of the ledger at `destination` (which must not exist), mode 0600."""
        if Path(destination).resolve() == self.path.resolve():
            raise _problem(destination, "ledger.backup_exists")
        if Path(destination).exists():
            raise _problem(destination, "ledger.backup_exists")
        if not Path(destination).parent.is_dir():
            raise _problem(destination, "ledger.no_folder")
        _copy_database(self.connection, Path(destination))


def create(path: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Make a new ledger at `path`: schema, WAL, and whatever `fill` writes, all or nothing.

    The file is built beside `path` under a private name and linked into place when complete, so
    `path` never holds a half-made ledger, and an existing file is never overwritten.
    """
    path = Path(path)
    if path.exists():
        raise _problem(path, "ledger.exists")
    if not path.parent.is_dir():
        raise _problem(path, "ledger.no_folder")
    scratch = _scratch_beside(path)
    create_private_file(scratch)
    try:
        connection = _connect(scratch)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            schema.create(connection)
            fill(connection)
            connection.execute("COMMIT")
        finally:
            connection.close()  # the last connection checkpoints the WAL into the file and removes it
        _link_into_place(scratch, path, "ledger.exists")
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)


def migration_copy_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.schema{version}-{stamp}.bak")


def open_store(path: Path, *, notify: Callable[[str, dict[str, object]], None] | None = None) -> Store:
    """Open an existing ledger; refuse a file that is not one or is newer; migrate an older one.

    `notify(key, params)` hears of a migration (the copy kept and the versions).
    """
    path = Path(path)
    version, _ = read_header(path)
    _refuse_newer(path, version)
    try:
        connection = _connect(path)
    except sqlite3.Error as error:
        raise _unusable(path, error) from None
    try:
        store = Store(path, connection)
        # The header may lag behind a WAL not yet checkpointed: SQLite's own answer decides.
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        (application,) = connection.execute("PRAGMA application_id").fetchone()
        if application != schema.APPLICATION_ID:
            raise _problem(path, "ledger.not_ledger")
        _refuse_newer(path, version)
        if version < schema.SCHEMA_VERSION:
            _migrate(store, notify)
        return store
    except sqlite3.Error as error:
        connection.close()
        raise _unusable(path, error) from None
    except BaseException:
        connection.close()
        raise


def _unusable(path: Path, error: sqlite3.Error) -> InputError:
    """A ledger SQLite cannot open now: busy (another command holds it), or damaged."""
    if is_busy(error):
        return _problem(path, "ledger.busy", seconds=f"{busy_seconds():g}")
    return _problem(path, "ledger.unusable", reason=str(error))


def _migrate(store: Store, notify: Callable[[str, dict[str, object]], None] | None) -> None:
    """Copy the file, then migrate it in one transaction (foreign keys off for table rebuilds)."""
    connection = store.connection
    connection.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        with store.transaction(write=True):
            (found,) = connection.execute("PRAGMA user_version").fetchone()
            if found >= schema.SCHEMA_VERSION:
                return  # another command migrated it while this one waited
            # The copy is read by a second connection: holding the write lock, this one sees the
            # last committed state, which nobody can change until the migration commits.
            copy_path = migration_copy_path(store.path, found)
            reader = sqlite3.connect(store.path, timeout=busy_seconds(), isolation_level=None)
            try:
                _copy_database(reader, copy_path)
            finally:
                reader.close()
            schema.migrate(connection, found)
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"migration left broken references: {broken[:3]}")
        with suppress(sqlite3.OperationalError):
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if notify is not None:
            notify("ledger.migrated", {"found": found, "version": schema.SCHEMA_VERSION, "copy": str(copy_path)})
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
