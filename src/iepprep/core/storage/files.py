"""Where iepprep keeps its files.

Everything lives in one folder: `$IEPPREP_HOME` when set, else the platform's user
data folder (for example ~/.local/share/iepprep on Linux). The content cache lives in
`$IEPPREP_CACHE` when set, else the home's `cache` folder when `$IEPPREP_HOME` is
set, else the platform's user cache folder. How folders are made private and files
written safely is in `iepprep.core.storage.own_files`; --output files are written by
`iepprep.core.storage.exports`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CACHE = "cache"
# The only names iepprep writes in its cache folder (and the only ones it deletes there).
CACHE_FILES = re.compile(r"[a-z][a-z0-9_-]*-[0-9a-f]{40}\.(?:json|sqlite)")  # .sqlite: tip indexes


def data_home() -> Path:
    override = os.environ.get("IEPPREP_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("iepprep", appauthor=False)


def cache_dir() -> Path:
    """Where the content cache lives: $IEPPREP_CACHE, else the home's `cache` folder
    when $IEPPREP_HOME is set, else the platform's user cache folder (for example
    ~/.cache/iepprep). It holds no answers, only parsed content."""
    override = os.environ.get("IEPPREP_CACHE")
    if override:
        return Path(override)
    if os.environ.get("IEPPREP_HOME"):
        return data_home() / CACHE
    import platformdirs

    return platformdirs.user_cache_path("iepprep", appauthor=False)
