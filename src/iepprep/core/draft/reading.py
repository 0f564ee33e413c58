"""Getting the text out of a draft IEP: a PDF with a text layer, a .docx, or plain text.

The draft never leaves this computer and is not saved. Errors name the file and what
to do, never its content: a draft is full of the child's details.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

from iepprep.core.i18n.messages import _
from iepprep.errors import InputError

MAX_DRAFT_BYTES = 32 * 1024 * 1024
# The text of a long IEP is a few hundred kilobytes; more than this is not one draft.
MAX_DRAFT_TEXT = 2 * 1024 * 1024
# A .docx is a zip: refuse one that would unpack to more than this (a "zip bomb").
MAX_DOCX_UNPACKED = 64 * 1024 * 1024
# A page with fewer letters than this, on every page, is a picture of a page.
_MIN_TEXT_CHARS = 40


@dataclass(frozen=True)
class DraftDocument:
    """The draft's text, page by page (one page for text and .docx)."""

    name: str
    pages: list[str]
    paged: bool  # True when the pages are real pages (a PDF)


def read_draft(path: Path | str) -> DraftDocument:
    """Read a draft from a file, or from standard input when the path is '-'."""
    return _checked(_read_any(path))


def _read_any(path: Path | str) -> DraftDocument:
    if str(path) == "-":
        where = _("standard input")
        return DraftDocument(where, [_decode(_read_stdin(), where)], False)
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return _from_pdf(data, path.name)
    if suffix == ".docx" or (data.startswith(b"PK") and suffix not in (".txt", ".md")):
        return _from_docx(data, path.name)
    if suffix in (".doc", ".rtf", ".odt", ".pages"):
        raise InputError(
            _("iepprep cannot read {suffix} files ({name}).").format(
                suffix=suffix, name=repr(path.name)
            ),
            hint=_("Save the draft as PDF or .docx, or paste its text into a .txt file."),
        )
    return DraftDocument(path.name, [_decode(data, path.name)], False)


def _checked(document: DraftDocument) -> DraftDocument:
    """Refuse a draft with no words in it, or far more text than any IEP has."""
    size = sum(len(page) for page in document.pages)
    if not any(page.strip() for page in document.pages):
        raise InputError(
            _("The draft {name} is empty.").format(name=repr(document.name)),
            hint=_("Check that it is the right file, or paste the draft's text."),
        )
    if size > MAX_DRAFT_TEXT:
        raise InputError(
            _(
                "The draft {name} has {size} KB of text, far more than an IEP; iepprep "
                "checks drafts up to 2 MB of text."
            ).format(name=repr(document.name), size=f"{size // 1024:,}"),
            hint=_("Check the part with the goals and services: copy it into a .txt file."),
        )
    return document


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            if path.exists():
                raise InputError(
                    _("{name} is not a file iepprep can read as a draft.").format(
                        name=repr(str(path))
                    )
                )
            raise InputError(
                _("The draft {name} does not exist.").format(name=repr(str(path))),
                hint=_("Check the file name and folder."),
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except PermissionError:
        raise InputError(
            _("The draft {name} cannot be read: permission denied.").format(name=repr(str(path))),
            hint=_("Check that your user account can read it."),
        ) from None
    except OSError as exc:
        raise InputError(
            _("The draft {name} cannot be read: {reason}.").format(
                name=repr(str(path)), reason=exc.strerror
            )
        ) from None
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError(
            _("The draft {name} is larger than 32 MB; iepprep reads smaller files.").format(
                name=repr(str(path))
            )
        )
    return data


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(_("There is no standard input to read the draft from."))
    if sys.stdin.isatty():
        raise InputError(
            _("Paste the draft's text, then press Ctrl-D (or give a file name instead of '-')."),
        )
    data: bytes = stream.read(MAX_DRAFT_BYTES + 1)
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError(_("The draft on standard input is larger than 32 MB."))
    return data


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError(
            _("The draft {name} is not text, a PDF or a .docx file.").format(name=repr(name)),
            hint=_("Save it as PDF or .docx, or paste its text into a .txt file."),
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _from_pdf(data: bytes, name: str) -> DraftDocument:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings quote the file's text
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                _("The PDF {name} is protected by a password.").format(name=repr(name)),
                hint=_("Open it, save a copy without the password, and check that copy."),
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise InputError(
            _("The PDF {name} could not be read; it may be damaged.").format(name=repr(name)),
            hint=_("Ask the school for the file again, or paste the text into a .txt file."),
        ) from None
    if sum(len("".join(page.split())) for page in pages) < _MIN_TEXT_CHARS:
        raise InputError(
            _("The PDF {name} is a picture of pages, with no text iepprep can read.").format(
                name=repr(name)
            ),
            hint=_(
                "Ask the school for the electronic file, or paste the text into a .txt file "
                "and check that."
            ),
        )
    return DraftDocument(name, pages, True)


def _from_docx(data: bytes, name: str) -> DraftDocument:
    import zipfile

    import docx
    from docx.table import Table

    unreadable = InputError(
        _("The file {name} could not be read as a Word document.").format(name=repr(name)),
        hint=_("Save it again as .docx or PDF, or paste the text into a .txt file."),
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise unreadable from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise InputError(
            _(
                "The file {name} unpacks to {size} MB, far more than a draft IEP; iepprep "
                "does not open it."
            ).format(name=repr(name), size=f"{unpacked // (1024 * 1024):,}"),
            hint=_("Save the draft again as .docx or PDF, or paste its text into a .txt file."),
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 -- python-docx and lxml raise many kinds for a damaged file
        raise unreadable from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or cells[-1] != text:  # merged cells repeat their text
                        cells.append(text)
                lines.append(" | ".join(cells))
            lines.append("")
        else:
            lines.append(block.text)
    return DraftDocument(name, ["\n".join(lines)], False)
