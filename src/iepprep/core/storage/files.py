"""Where iepprep keeps its files, and how it writes them safely.

Everything lives in one folder: `$IEPPREP_HOME` when set, else the platform's user
data folder (for example ~/.local/share/iepprep on Linux). Folders are created 0700
and files 0600, because the answers describe a child's disability. Every write goes
to a temporary file that is renamed into place, so a crash or a full disk never
leaves half a file and the previous version survives.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from iepprep.errors import StorageError

CACHE = "cache"


def data_home() -> Path:
    override = os.environ.get("IEPPREP_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("iepprep", appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable only by this user."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        path.chmod(0o700)
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` with mode 0600, all or nothing. Raises OSError on failure."""
    import tempfile

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o600)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_private_file(path: Path, text: str) -> None:
    """Write iepprep's own data: in a private folder, atomically, mode 0600."""
    ensure_private_dir(path.parent)
    atomic_write(path, text.encode("utf-8"))


def write_output_file(path: Path, content: str | bytes) -> None:
    """Write an export the user asked for (--output), atomically, mode 0600."""
    parent = path.parent
    if not parent.is_dir():
        raise StorageError(
            f"Cannot write {str(path)!r}: the folder {str(parent)!r} does not exist."
        )
    try:
        atomic_write(path, content.encode("utf-8") if isinstance(content, str) else content)
    except OSError as exc:
        raise StorageError(
            f"Cannot write {str(path)!r}: {exc.strerror or exc}.",
            hint="Check that you may write in that folder and that the disk is not full.",
        ) from None


def cache_dir() -> Path:
    """Where the content cache lives: $IEPPREP_CACHE, else the home's `cache` folder
    when $IEPPREP_HOME is set, else the platform's user cache folder."""
    override = os.environ.get("IEPPREP_CACHE")
    if override:
        return Path(override)
    if os.environ.get("IEPPREP_HOME"):
        return data_home() / CACHE
    import platformdirs

    return platformdirs.user_cache_path("iepprep", appauthor=False)
