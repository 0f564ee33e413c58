"""The folders and files iepprep keeps for itself: made private, checked, cleaned.

The rules, because the files describe a child's disability and IEPPREP_HOME may point
anywhere:

- A folder iepprep creates is made 0700 and gets a marker file (`.iepprep`); only a
  folder with the marker is ever tightened (chmod) or removed by iepprep.
- A folder iepprep did not create is used only when it belongs to this user and no one
  else can write in it; otherwise iepprep stops and says why (exit 2). It is never
  chmodded: a shared folder such as /tmp must keep its sticky bit.
- iepprep deletes only names it writes itself (`plan-0001.json`, its journal, the
  draft, its cache entries, its temporary files), never a folder's other contents.
- Its own files are opened without following links and must be regular files that
  belong to this user, so a link planted in the folder is never read or appended to.
- Every write goes to a temporary file renamed into place; temporary files left by a
  killed run are removed by the next write into the same folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from iepprep.errors import ExitCode, StorageError

MARKER = ".iepprep"
_MARKER_TEXT = (
    "This folder was made by iepprep (an IEP meeting planner).\n"
    "iepprep forget --all removes what iepprep wrote here; other files are left alone.\n"
)
# mkstemp's random part: 8 characters from [a-z0-9_]
_TEMP_SUFFIX = r"\.[a-z0-9_]{8}\.tmp"
_STALE_AFTER_SECONDS = 2.0  # a temporary file younger than this may still be in use


def _my_uid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


class UnsafeFolderError(StorageError):
    """A folder iepprep would keep private data in is not private: another user's, or
    one others may write in (exit 2: the user's setting, not a fault of iepprep). A
    StorageError still, so a plan that cannot be saved is shown and its answers kept."""

    exit_code = ExitCode.USAGE


def _refuse(path: Path, why: str, hint: str) -> UnsafeFolderError:
    return UnsafeFolderError(f"iepprep will not keep your plans in {str(path)!r}: {why}.", hint)


_HINT = "Set IEPPREP_HOME to a folder of your own (for example ~/iepprep), or fix this one: "


def check_folder(path: Path, *, follow: bool) -> bool:
    """True when `path` is a folder fit for private data, False when it does not exist.

    Raises UnsafeFolderError for a link (unless `follow`), a file, a folder of another
    user, or a folder others may write in that iepprep did not make. A folder iepprep
    made that others may write in is tightened back to 0700.
    """
    try:
        info = path.stat(follow_symlinks=follow)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StorageError(f"Cannot use the folder {str(path)!r}: {exc.strerror}.") from None
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(path, "it is a link, not a folder iepprep made", _HINT + f"rm {path}")
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(
            f"iepprep cannot keep your plans in {str(path)!r}: it is a file, not a folder.",
            hint="Move that file away, or set IEPPREP_HOME to another folder.",
        )
    uid = _my_uid()
    if uid is not None and info.st_uid != uid:
        raise _refuse(
            path, "it belongs to another user", _HINT.removesuffix(", or fix this one: ") + "."
        )
    if os.name == "posix" and info.st_mode & 0o022:  # Windows reports every folder 0777
        if not (path / MARKER).is_file():
            raise _refuse(path, "other users may write in it", _HINT + f"chmod go-w {path}")
        with contextlib.suppress(OSError):
            path.chmod(0o700)  # iepprep made it: put its mode back
    return True


def make_folder(path: Path, *, follow: bool = False) -> Path:
    """The private folder `path`, created (0700, with a marker) if it does not exist.

    Parents that do not exist are created the ordinary way and never marked: iepprep
    only ever removes the folder it asked for.
    """
    if check_folder(path, follow=follow):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:  # another iepprep made it a moment ago
        check_folder(path, follow=follow)
        return path
    path.chmod(0o700)  # whatever the umask
    _write_marker(path)
    return path


def _write_marker(folder: Path) -> None:
    fd = os.open(folder / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(_MARKER_TEXT)


def made_by_iepprep(folder: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(folder / MARKER).st_mode)
    except OSError:
        return False


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def open_own_file(path: Path, flags: int, mode: int = 0o600) -> int:
    """Open one of iepprep's own files without following a link; it must be a regular
    file of this user (a looser mode is tightened to 0600). Returns the descriptor;
    raises FileNotFoundError when missing and StorageError when it is not ours."""
    try:
        fd = os.open(path, flags | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0), mode)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | FileExistsError):
            raise  # the caller's to handle: missing, or a number another run reserved
        if path.is_symlink():
            raise StorageError(
                f"{str(path)!r} is a link, and iepprep never follows a link to its own files.",
                hint=f"Remove the link (rm {path}) and run the command again.",
            ) from None
        raise StorageError(f"Cannot open {str(path)!r}: {exc.strerror or exc}.") from None
    try:
        info = os.fstat(fd)
        uid = _my_uid()
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(f"{str(path)!r} is not a regular file; iepprep leaves it alone.")
        if uid is not None and info.st_uid != uid:
            raise StorageError(
                f"{str(path)!r} belongs to another user; iepprep leaves it alone.",
                hint="Set IEPPREP_HOME to a folder of your own.",
            )
        if info.st_mode & 0o077 and hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_own_file(path: Path, *, limit: int = 64 * 1024 * 1024) -> bytes:
    """The bytes of one of iepprep's own files (see `open_own_file`), at most `limit`."""
    fd = open_own_file(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write `data` to `path`, all or nothing, with `mode`. Raises OSError on failure.

    The temporary file (`.NAME.xxxxxxxx.tmp`, beside the target) is locked while it
    is written, so `remove_stale_temps` can tell one in use from one a killed run left.
    """
    import tempfile

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        _lock(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            tmp.chmod(mode)
            tmp.replace(path)  # before the close releases the lock
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    remove_stale_temps(path.parent, [re.escape(path.name)])


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: the age of a temporary file is the only clue
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX)


def remove_stale_temps(folder: Path, names: Iterable[str]) -> None:
    """Remove temporary files a killed iepprep left in `folder` for targets matching
    the regular expressions `names`. Never fails: cleaning up is a courtesy."""
    pattern = re.compile(r"\.(?:" + "|".join(names) + ")" + _TEMP_SUFFIX)
    try:
        entries = [e for e in os.scandir(folder) if pattern.fullmatch(e.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            _remove_if_stale(Path(entry.path))


def _remove_if_stale(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        uid = _my_uid()
        if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
            return
        if time.time() - info.st_mtime < _STALE_AFTER_SECONDS:
            return
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a write is under way
        except ImportError:
            if time.time() - info.st_mtime < 3600:
                return
        path.unlink()
    finally:
        os.close(fd)


def remove_own_files(folder: Path, names: re.Pattern[str]) -> list[str]:
    """Delete the entries of `folder` whose names match `names` (iepprep's own), plus
    its marker and temporary files; then the folder itself if it is left empty and
    iepprep made it. Returns the names of the entries left behind."""
    marked = made_by_iepprep(folder)
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StorageError(f"Cannot read {str(folder)!r}: {exc.strerror}.") from None
    temp = re.compile(r"\..+" + _TEMP_SUFFIX)
    left = []
    for entry in entries:
        if entry.name == MARKER:
            continue
        ours = names.fullmatch(entry.name) or (
            temp.fullmatch(entry.name) and names.fullmatch(entry.name[1:-13])
        )
        if not ours or not entry.is_file(follow_symlinks=False):  # never a link
            left.append(entry.name)
            continue
        try:
            Path(entry.path).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"Cannot delete {entry.path!r}: {exc.strerror}.") from None
    if marked and not left:
        with contextlib.suppress(OSError):
            (folder / MARKER).unlink()
            folder.rmdir()
    return left
