"""A cache of parsed, validated tips files, keyed on each file's content.

Parsing and validating a large tips file (a parent center's 10,000 tips) takes far
longer than reading a validated copy back as JSON. The cache is only ever a shortcut:
an entry is found by the SHA-256 of the file's text (so a changed file misses), is
validated again on the way in (so a corrupt entry is ignored and rebuilt), and a cache
folder that cannot be written is silently skipped.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import ValidationError

from iepprep import __version__
from iepprep.core.content import TipsFile

SMALL_FILE = 64 * 1024  # below this, parsing is as fast as reading the cache


def cache_dir() -> Path:
    from iepprep.core.storage import data_home

    override = os.environ.get("IEPPREP_CACHE")
    if override:
        return Path(override)
    if os.environ.get("IEPPREP_HOME"):
        return data_home() / "cache"
    import platformdirs

    return platformdirs.user_cache_path("iepprep", appauthor=False)


def cached_tips_file(text: str, *, name: str) -> TipsFile:
    """Parse `text` as a tips file, through the cache when the file is large."""
    from iepprep.core.library import parse_tips

    if len(text) < SMALL_FILE:
        return parse_tips(text, name=name)
    digest = hashlib.sha256(f"{__version__}\0{text}".encode()).hexdigest()
    entry = cache_dir() / f"tips-{digest[:32]}.json"
    try:
        return TipsFile.model_validate_json(entry.read_bytes())
    except (OSError, ValidationError, ValueError):
        pass  # missing or corrupt: rebuild below
    tips_file = parse_tips(text, name=name)
    try:
        from iepprep.core.storage import write_private_file

        write_private_file(entry, tips_file.model_dump_json(exclude_defaults=True))
    except OSError:
        pass  # a cache we cannot write is only a slower run
    return tips_file
