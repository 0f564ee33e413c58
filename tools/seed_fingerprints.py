"""Build the fingerprints of the seed article, so tests can prove iepprep never copies it.

The article is someone else's writing: iepprep paraphrases it and must not ship its
sentences. The article itself is not committed. Instead this script, run once by hand
from a checkout that can see the seed folder, stores a hash of every run of eight
consecutive words (after `normalized_words`), and the test suite checks the shipped
content against those hashes.

    python tools/seed_fingerprints.py ../../shared/seeds > tests/seed_fingerprints.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN_LENGTH = 8


def normalized_words(text: str) -> list[str]:
    """Lower-case words, with apostrophes dropped ("don't" = "dont") and every other
    character that is not a letter or digit treated as a space."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[0-9a-z]+", text)


def runs(words: list[str], length: int = RUN_LENGTH) -> Iterator[str]:
    for start in range(len(words) - length + 1):
        yield " ".join(words[start : start + length])


def fingerprint(run: str) -> str:
    """A short, one-way fingerprint of one run of words."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:16]


def fingerprints(texts: Iterable[str]) -> set[str]:
    return {fingerprint(run) for text in texts for run in runs(normalized_words(text))}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: seed_fingerprints.py SEED_FOLDER > tests/seed_fingerprints.txt")
        return 2
    texts = [path.read_text(encoding="utf-8") for path in sorted(Path(argv[1]).glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {argv[1]}", file=sys.stderr)
        return 3
    print(f"# {RUN_LENGTH}-word runs of the seed article, sha256, first 16 hex digits")
    for value in sorted(fingerprints(texts)):
        print(value)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
