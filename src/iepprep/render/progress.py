"""Progress on slow work: a spinner on standard error while a PDF is written, a large
tips library is read for the first time, or a big export is made.

Only on a terminal: nothing on a pipe, in a log, in JSON mode (standard error is
not read there), or with NO_COLOR/TERM=dumb. The terminal check comes first, so work
on a pipe does not even import Rich.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext


def working(message: str) -> AbstractContextManager[object]:
    stream = sys.stderr
    try:
        if stream is None or not stream.isatty():
            return nullcontext()
    except ValueError:  # closed
        return nullcontext()
    from iepprep.render.console import status

    return status(message)
