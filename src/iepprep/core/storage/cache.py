"""A disk cache of parsed, validated content, keyed on the content itself.

Parsing YAML, validating it and stemming every word for the search index takes far
longer than reading a finished copy back as JSON, and a parent center's library of
10,000 tips makes that difference seconds. So iepprep keeps the finished copy:

- an entry is named by the SHA-256 of iepprep's version and every input file's text,
  so a changed file simply misses;
- the file holds a checksum of its payload, so a damaged entry is noticed, ignored
  and rebuilt;
- a cache folder that cannot be written only makes the run slower, never fail.

Entries are trusted after the checksum: they were validated before being written,
and live in a folder only this user can write.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import types
import typing
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from iepprep import __version__
from iepprep.core.storage.files import cache_dir, data_home
from iepprep.core.storage.own_files import atomic_write, check_folder, make_folder, read_own_file
from iepprep.errors import IepprepError

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
# Bump when the shape of any cached payload changes: old entries then simply miss.
CACHE_FORMAT = "6"
# A 100,000-tip library's entry is about 75 MB: well above the 64 MB that
# `read_own_file` allows by default for files a person might have swapped in.
_MAX_ENTRY_BYTES = 1024 * 1024 * 1024


def cached(
    kind: str,
    inputs: Sequence[str],
    build: Callable[[], Any],
    use: Callable[[Any], T],
) -> T:
    """`use(build())`, with `build()`'s JSON-ready result kept on disk.

    When `inputs` are unchanged the saved result is used instead of building it again.
    An entry that cannot be used (damaged, or written by another version) is rebuilt.
    """
    digest = hashlib.sha256()
    for part in (__version__, CACHE_FORMAT, kind, *inputs):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    entry = cache_dir() / f"{kind}-{digest.hexdigest()[:40]}.json"
    found = _read(entry)
    if found is not None:
        try:
            return use(found)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            pass  # not what this version wrote: rebuild it
    data = build()
    _write(entry, data)
    return use(data)


def _read(entry: Path) -> Any:
    try:
        if not check_folder(entry.parent, follow=True):
            return None
        raw = read_own_file(entry, limit=_MAX_ENTRY_BYTES)
        checksum, _, payload = raw.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode() != checksum:
            return None  # damaged: rebuild
        return json.loads(payload)
    except (OSError, ValueError, IepprepError):
        return None  # missing, damaged, or in a folder others can write: rebuild


def _write(entry: Path, data: Any) -> None:
    try:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if entry.parent == data_home() / "cache":
            make_folder(data_home(), follow=True)  # made here first: iepprep's own home
        make_folder(entry.parent, follow=True)
        atomic_write(entry, hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    except (OSError, IepprepError):
        pass  # a cache we cannot (or should not) write is only a slower run


def construct(model: type[M], data: Any) -> M:
    """Rebuild a model from data it produced itself (`model_dump(mode="json")`).

    Validation is skipped (the data was validated before it was cached), but nested
    models and enums are converted back, so the result equals the validated model.
    """
    values = dict(data)
    for name, convert in _converters(model):
        value = values.get(name)
        if value is not None:
            values[name] = convert(value)
    for name, default in _shared_defaults(model).items():
        values.setdefault(name, default)
    return model.model_construct(**values)


Converter = Callable[[Any], Any]


@cache
def _shared_defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Defaults that every instance may share, because nothing can change them.

    Cached entries leave defaults out, and `model_construct` deep-copies each missing
    default for every instance (a frozen `Applies` per tip). Handing over the one
    instance instead keeps a 10,000-tip library quick to read back.
    """
    shared: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        default = info.default
        frozen_model = isinstance(default, BaseModel) and default.model_config.get("frozen")
        if frozen_model or isinstance(default, (type(None), bool, int, float, str, enum.Enum)):
            shared[name] = default
    return shared


@cache
def _converters(model: type[BaseModel]) -> list[tuple[str, Converter]]:
    """For each field holding models or enums (or lists of them), how to rebuild it."""
    found: list[tuple[str, Converter]] = []
    for name, info in model.model_fields.items():
        convert = _converter(info.annotation)
        if convert is not None:
            found.append((name, convert))
    return found


def _converter(annotation: Any) -> Converter | None:
    if _is_union(annotation):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if typing.get_origin(annotation) is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (None,)
        one = _converter(item)
        return None if one is None else (lambda values: [one(v) for v in values])
    if typing.get_origin(annotation) is dict:
        _key, item = typing.get_args(annotation) or (None, None)
        each = _converter(item)
        return None if each is None else (lambda values: {k: each(v) for k, v in values.items()})
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        nested = annotation
        return lambda value: construct(nested, value)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    if annotation is dt.date:
        return dt.date.fromisoformat
    return None


def _is_union(annotation: object) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)
