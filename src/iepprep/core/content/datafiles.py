"""Reading YAML and JSON files safely, and turning validation errors into plain words.

Used for every file iepprep reads: the bundled content, `--tips` files and answers
files. The rules are the same for all of them: a size limit, no YAML aliases (which
can blow a small file up into billions of items), and one clear paragraph when
something is wrong.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ValidationError

from iepprep.core.i18n.labels import choice_words
from iepprep.core.i18n.messages import _, ngettext
from iepprep.core.i18n.reasons import reason_in_language
from iepprep.errors import DataFileError, IepprepError

MAX_FILE_BYTES = 32 * 1024 * 1024

Model = TypeVar("Model", bound=BaseModel)


def read_text_file(path: Path, *, what: str, error: type[IepprepError] = DataFileError) -> str:
    """Read a text file (UTF-8, or UTF-16 with a byte-order mark), with errors that say
    which file and what to do. `-` is standard input.

    Only a regular file is read (a FIFO nobody writes to would wait forever; a device
    such as /dev/zero never ends), and never more than the size limit, whatever the
    file's size claims to be.
    """
    if str(path) == "-":
        data = _read_stdin(what=what, error=error)
    else:
        data = _read_regular_file(path, what=what, error=error)
    if len(data) > MAX_FILE_BYTES:
        raise error(
            _("The {what} {path} is too large; iepprep reads files up to {size} MB.").format(
                what=_(what), path=repr(str(path)), size=MAX_FILE_BYTES // (1024 * 1024)
            ),
        )
    name = _("standard input") if str(path) == "-" else repr(str(path))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # Windows Notepad's "Unicode"
        except UnicodeDecodeError:
            raise error(
                _("The {what} {name} is not valid UTF-16 text.").format(what=_(what), name=name)
            ) from None
    if b"\x00" in data:
        raise error(_("The {what} {name} is not a text file.").format(what=_(what), name=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(
            _("The {what} {name} is not UTF-8 text.").format(what=_(what), name=name),
            hint=_("Save it as UTF-8 in your editor and try again."),
        ) from None


def _read_stdin(*, what: str, error: type[IepprepError]) -> bytes:
    import sys

    stream = sys.stdin
    if stream is None or stream.isatty():
        raise error(
            _("'-' reads the {what} from standard input, but nothing was piped in.").format(
                what=_(what)
            ),
            hint=_("For example: iepprep plan --answers - < answers.yaml"),
        )
    return stream.buffer.read(MAX_FILE_BYTES + 1)


def _read_regular_file(path: Path, *, what: str, error: type[IepprepError]) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    except FileNotFoundError:
        raise error(
            _("The {what} {path} does not exist.").format(what=_(what), path=repr(str(path))),
            hint=_("Check the file name and folder."),
        ) from None
    except IsADirectoryError:
        raise error(
            _("{path} is a folder, not a {what}.").format(path=repr(str(path)), what=_(what))
        ) from None
    except PermissionError:
        raise error(
            _("The {what} {path} cannot be read: permission denied.").format(
                what=_(what), path=repr(str(path))
            ),
            hint=_("Check that your user account can read it."),
        ) from None
    except OSError as exc:
        raise error(
            _("The {what} {path} cannot be read: {problem}.").format(
                what=_(what), path=repr(str(path)), problem=exc.strerror
            )
        ) from None
    with os.fdopen(fd, "rb") as handle:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise error(
                _("{path} is a folder, not a {what}.").format(path=repr(str(path)), what=_(what))
            )
        if not stat.S_ISREG(kind):
            raise error(
                _("The {what} {path} is not a regular file (it is a device or a pipe).").format(
                    what=_(what), path=repr(str(path))
                ),
                hint=_("Save it as a file first, or pipe it in and use - as the file name."),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        try:
            return handle.read(MAX_FILE_BYTES + 1)
        except PermissionError:
            raise error(
                _("The {what} {path} cannot be read: permission denied.").format(
                    what=_(what), path=repr(str(path))
                ),
                hint=_("Check that your user account can read it."),
            ) from None
        except OSError as exc:
            raise error(
                _("The {what} {path} cannot be read: {problem}.").format(
                    what=_(what), path=repr(str(path)), problem=exc.strerror
                )
            ) from None


def _safe_loader() -> Any:
    """The safe YAML loader, reading the way a person means the text:

    - only true/false are booleans (YAML 1.2): `no` (Norwegian), `on`, `yes` stay text,
      and a field that wants yes/no still accepts them through validation;
    - dates stay text, validated by the model (so 2026-02-30 is an error that names the
      key, not a crash);
    - a key given twice is an error, not "the last one wins".
    """
    return _loader_class()


@cache
def _loader_class() -> Any:
    import yaml

    # The C parser is several times faster; PyYAML may be built without it.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                self.flatten_mapping(node)
                seen: set[Any] = set()
                for key_node, _ in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    if key is not None and key in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"the key {key!r} is given twice", key_node.start_mark
                        )
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    for first, resolvers in base.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        kept = [(t, r) if not t.endswith(":bool") else (t, _YAML12_BOOL) for t, r in kept]
        if first in "yYnNoO":
            kept = [(t, r) for t, r in kept if not t.endswith(":bool")]
        if kept:
            Loader.yaml_implicit_resolvers[first] = kept
    return Loader


_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def parse_yaml(text: str, *, name: str, error: type[IepprepError] = DataFileError) -> Any:
    """Parse YAML (JSON is YAML too) with the safe loader, refusing aliases."""
    import yaml

    if "&" in text or "*" in text:
        _refuse_aliases(text, name=name, error=error)
    try:
        return yaml.load(text, Loader=_safe_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or _("it could not be read")
        message = (
            _("{name} is not valid YAML at line {line}, column {column}: {problem}.").format(
                name=name, line=mark.line + 1, column=mark.column + 1, problem=problem
            )
            if mark is not None
            else _("{name} is not valid YAML: {problem}.").format(name=name, problem=problem)
        )
        raise error(message, hint=_("Check the indentation and quotes on that line.")) from None
    except (ValueError, OverflowError) as exc:  # a constructor that gave up on a value
        raise error(
            _("{name} has a value iepprep cannot read ({problem}).").format(name=name, problem=exc)
        ) from None
    except RecursionError:
        raise error(_("{name} is nested too deeply to read.").format(name=name)) from None


def _refuse_aliases(text: str, *, name: str, error: type[IepprepError]) -> None:
    import yaml

    try:
        for event in yaml.parse(text, Loader=_safe_loader()):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                line = f" (line {mark.line + 1})" if mark is not None else ""
                raise error(
                    f"{name} uses a YAML alias{line}. iepprep does not accept aliases "
                    f"(they can make a small file enormous); write the values out in full."
                )
    except yaml.YAMLError:
        return  # the real parse reports syntax errors with a better message


def kind_of(value: Any) -> str:
    """What a YAML or JSON value is, in words a parent knows (never a Python type name)."""
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "single line of text"
    if isinstance(value, list):
        return "list"
    return "value of another kind"


def parse_json(text: str, *, name: str, error: type[IepprepError] = DataFileError) -> Any:
    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            twice = next(key for n, (key, _) in enumerate(pairs) if key in dict(pairs[:n]))
            raise error(
                _("{name} gives the key {key} twice; keep the one you mean.").format(
                    name=name, key=repr(twice)
                )
            )
        return found

    try:
        return json.loads(text, object_pairs_hook=no_repeats)
    except json.JSONDecodeError as exc:
        raise error(
            _("{name} is not valid JSON at line {line}, column {column}: {problem}.").format(
                name=name, line=exc.lineno, column=exc.colno, problem=exc.msg
            )
        ) from None
    except RecursionError:
        raise error(_("{name} is nested too deeply to read.").format(name=name)) from None


def validate(
    model: type[Model],
    data: Any,
    *,
    name: str,
    describe_item: Callable[[tuple[int | str, ...], Any], str] | None = None,
    error: type[IepprepError] = DataFileError,
    context: dict[str, Any] | None = None,
) -> Model:
    """Validate `data` as `model`, or raise one paragraph naming what is wrong."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [
            _describe(err, data, describe_item) for err in exc.errors(include_url=False)[:5]
        ]
        more = exc.error_count() - len(problems)
        tail = (
            " " + ngettext("(and {n} more problem)", "(and {n} more problems)", more).format(n=more)
            if more > 0
            else ""
        )
        text = _("{name} has a problem: {problems}").format(name=name, problems="; ".join(problems))
        text += tail
        raise error(text if text.endswith(("?", ".")) else text + ".") from None
    except RecursionError:
        raise error(_("{name} is nested too deeply to read.").format(name=name)) from None


def _describe(
    err: Mapping[str, Any],
    data: Any,
    describe_item: Callable[[tuple[int | str, ...], Any], str] | None,
) -> str:
    loc: tuple[int | str, ...] = tuple(err.get("loc", ()))
    msg = str(err.get("msg", "is not valid"))
    msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    kind = err.get("type")
    where = describe_item(loc, data) if describe_item else ""
    inside = loc[2:] if where else loc  # the item is named already; keep the key inside it
    field = ".".join(str(part) for part in inside if not isinstance(part, int))
    key = next((str(part) for part in loc if isinstance(part, str)), "")
    msg = reason_in_language(msg, lambda choice: choice_words(key, choice))
    if kind == "extra_forbidden":
        text = _("unknown key {key}").format(key=repr(field)) if field else _("unknown key")
    elif kind == "missing":
        text = _("{key} is missing").format(key=repr(field)) if field else _("something is missing")
    elif field:
        text = f"{field!r}: {msg}"
    else:
        text = msg
    return f"{where}{text}"


def describe_list_item(key: str, noun: str) -> Callable[[tuple[int | str, ...], Any], str]:
    """Name the list item an error is in, by its id when it has one ("tip 'x' (#3): ")."""

    def describe(loc: tuple[int | str, ...], data: Any) -> str:
        if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
            index = loc[1]
            item_id = None
            if isinstance(data, Mapping):
                items = data.get(key)
                if isinstance(items, Sequence) and index < len(items):
                    item = items[index]
                    if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                        item_id = item["id"]
            label = f"{noun} {item_id!r}" if item_id else f"{noun} #{index + 1}"
            return f"{label} (#{index + 1} in the file): "
        return ""

    return describe
