"""Writing a file the user asked for with --output, the way they would expect.

- A new file is made 0600 (it may describe a child), all or nothing.
- An existing file keeps its mode; a link keeps pointing at the file it names, and a
  file with other hard links (or of another user) is rewritten in place, so every
  name still shows the new content.
- A read-only file is replaced only with --force.
- A device, a pipe or /dev/stdout is written to directly, never replaced by a file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from iepprep.core.storage.own_files import atomic_write
from iepprep.errors import N_, InputError, StorageError

_STREAM = re.compile(r"/dev/(?:std(out|err)|fd/(\d+))|/proc/self/fd/(\d+)")
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def refuse_writing_over_inputs(path: Path, inputs: Iterable[Path]) -> None:
    for given in inputs:
        if str(given) == "-":
            continue
        try:
            same = Path(path).samefile(given)
        except OSError:  # one of them does not exist (yet): not the same file
            same = os.path.realpath(path) == os.path.realpath(given)
        if same:
            raise InputError(
                N_(
                    "--output {path} is the file iepprep is reading ({given}); writing there "
                    "would replace it."
                ),
                hint=N_("Give the output another name."),
                fields={"path": repr(str(path)), "given": repr(str(given))},
            )


def write_output_file(
    path: Path, content: str | bytes, *, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Write an export to `path`; StorageError (or InputError) says plainly why not.

    `inputs` are the files the command read (answers, a draft, a calendar): writing
    over one of them would lose what the parent gave, so it is refused, links and all.
    """
    refuse_writing_over_inputs(path, inputs)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        _write(path, data, force=force)
    except OSError as exc:
        raise StorageError(
            N_("Cannot write {path}: {problem}."),
            hint=N_("Check that you may write there and that the disk is not full."),
            fields={"path": repr(str(path)), "problem": _reason(exc)},
        ) from None


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return N_("the disk is full")  # translated with the message (cli/app.py)
    return str(exc.strerror or exc).lower() if exc.strerror else str(exc)


def _write(path: Path, data: bytes, *, force: bool) -> None:
    stream = _STREAM.fullmatch(os.path.normpath(path.absolute()))
    if stream is not None:
        number = 2 if stream.group(1) == "err" else 1 if stream.group(1) else None
        _write_fd(number if number is not None else int(stream.group(2) or stream.group(3)), data)
        return
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    if info is None:
        parent = Path(os.path.realpath(path)).parent
        if not parent.is_dir():
            raise InputError(
                N_("Cannot write {path}: the folder {folder} does not exist."),
                hint=N_("Check the folder's name, or make it first."),
                fields={"path": repr(str(path)), "folder": repr(str(parent))},
            )
        atomic_write(Path(os.path.realpath(path)), data, mode=0o600)
        return
    kind = info.st_mode
    if stat.S_ISDIR(kind):
        raise InputError(
            N_("{path} is a folder; give a file name for --output."),
            fields={"path": repr(str(path))},
        )
    if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | _CLOEXEC)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        return
    if not stat.S_ISREG(kind):
        raise InputError(
            N_("{path} is not a file iepprep can write to."), fields={"path": repr(str(path))}
        )
    read_only = not kind & stat.S_IWUSR or not os.access(path, os.W_OK)
    if read_only and not force:
        raise InputError(
            N_("{path} is read-only, so iepprep left it as it was."),
            hint=N_("Add --force to replace it anyway, or choose another file name."),
            fields={"path": repr(str(path))},
        )
    real = Path(os.path.realpath(path))
    uid = os.geteuid() if hasattr(os, "geteuid") else info.st_uid
    if (info.st_nlink > 1 or info.st_uid != uid) and not read_only:
        fd = os.open(real, os.O_WRONLY | os.O_TRUNC | _CLOEXEC)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        return
    atomic_write(real, data, mode=stat.S_IMODE(kind) & 0o777)


def _write_fd(number: int, data: bytes) -> None:
    stream = {1: sys.stdout, 2: sys.stderr}.get(number)
    if stream is not None:
        stream.flush()
        stream.buffer.write(data)
        stream.flush()
        return
    _write_all(number, data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
