"""Big-library benchmark: a parent center's tips file of 10,000 or 100,000 tips.

Run by hand from the project's environment:

    .venv/bin/python benchmarks/big_library.py --tips 10000 100000

For each size it writes a realistic tips file, then times, in fresh processes:
- the first search (no cache yet: read, validate, index, write the cache),
- a keyword search and a sentence search once cached (median of --rounds),
- `plan --example` with the library (which should not need the search index),
and the peak memory of each (resource.getrusage of the child). Beside them it times
the floor of any typer + Rich command (`/work/shared/bench/floor.py`, or --floor),
with the same interpreter, so "cached search / floor" is iepprep's own cost.

The library is realistic where it matters to an index: its words are the words of
the bundled content plus a long tail of made-up names and terms (as a real group's
tips have: people, places, programs), drawn with Zipf-like frequencies, so the
vocabulary grows with the library as real text does; each tip has a title, a body
of two or three sentences, a reason, topics and three `asks`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "iepprep" / "data"
DEFAULT_FLOOR = Path("/work/shared/bench/floor.py")
PER_FILE = 25_000
TOPICS = [
    "support", "rights", "goals", "services", "signing", "evaluation", "documents",
    "progress", "behavior", "transition", "emotions", "writing", "team", "notes",
]  # fmt: skip
SYLLABLES = [
    "ka", "lo", "mi", "ne", "ra", "ton", "vel", "sa", "dor", "bri", "an", "el", "us",
    "or", "ith", "gan", "ber", "li", "ma", "ro", "sen", "tal", "wy", "zo", "que", "ph",
]  # fmt: skip


def content_words() -> list[str]:
    """The words of iepprep's own content, most frequent first."""
    counts: dict[str, int] = {}
    for name in ("tips.yaml", "glossary.yaml", "questions.yaml", "rights.yaml"):
        for word in re.findall(r"[a-z]{2,}", (DATA / name).read_text("utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: -counts[w])


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Real words first, then made-up ones (names, places, programs) for the long tail."""
    words = content_words()
    seen = set(words)
    while len(words) < size:
        made = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if made not in seen:
            seen.add(made)
            words.append(made)
    return words


class ZipfWords:
    """Words drawn with frequency proportional to 1 / rank."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.weights = [1 / (rank + 1) for rank in range(len(words))]
        total = 0.0
        self.cumulative = []
        for w in self.weights:
            total += w
            self.cumulative.append(total)

    def take(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=n)


def sentence(words: ZipfWords, low: int, high: int, *, question: bool = False) -> str:
    picked = words.take(words.rng.randint(low, high))
    text = " ".join(picked)
    return text[0].upper() + text[1:] + ("?" if question else ".")


def write_library(path: Path, count: int, *, part: int = 0, first: int = 0, total: int = 0) -> None:
    """`count` tips, numbered from `first`, as part `part` of a library of `total` tips
    (one vocabulary for the whole library)."""
    rng = random.Random(part)
    # Vocabulary grows with the text (Heaps' law, about 60 words a tip): ~23,000 words
    # at 10,000 tips, ~73,000 at 100,000.
    words = ZipfWords(vocabulary(random.Random(7), int(30 * ((total or count) * 60) ** 0.5)), rng)
    phases = ["before", "during", "after"]
    lines = ["version: 1", "tips:"]
    for n in range(first, first + count):
        body = " ".join(sentence(words, 8, 18) for _ in range(rng.randint(2, 3)))
        lines += [
            f"- id: group-tip-{n}",
            f"  title: {sentence(words, 4, 8)[:80].rstrip('.')!r}",
            f"  body: {body!r}",
            f"  why: {sentence(words, 6, 14)!r}",
            f"  phase: {phases[n % 3]}",
            f"  topics: [{', '.join(rng.sample(TOPICS, rng.randint(1, 3)))}]",
            "  source: {kind: added, where: Example parent group}",
            "  asks:",
            *(f"    - {sentence(words, 5, 10, question=True)!r}" for _ in range(3)),
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
took = time.perf_counter() - start
print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak memory in MB) of one run of `args`, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def median_run(args: list[str], env: dict[str, str], rounds: int) -> tuple[float, float]:
    runs = [measure(args, env) for _ in range(rounds)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, nargs="+", default=[10_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--floor", type=Path, default=DEFAULT_FLOOR)
    options = parser.parse_args()
    script = Path(sys.executable).with_name("iepprep")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "iepprep"]
    rows = Rows()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, IEPPREP_HOME=home, IEPPREP_TODAY="2026-11-27", NO_COLOR="1")
        env.pop("IEPPREP_CACHE", None)
        if options.floor.exists():
            floor = median_run(
                [sys.executable, str(options.floor), "advocate"], env, options.rounds
            )
            rows.append(("floor.py (typer + Rich, one line)", *floor))
        for count in options.tips:
            # A tips file may be at most 32 MB: a big library comes as several files.
            started = time.perf_counter()
            tips = [*cli]
            size = 0.0
            for part, first in enumerate(range(0, count, PER_FILE)):
                big = Path(home) / f"big-{count}-{part}.yaml"
                write_library(
                    big, min(PER_FILE, count - first), part=part, first=first, total=count
                )
                size += big.stat().st_size / 1e6
                tips += ["--tips", str(big)]
            files = len(tips) // 2
            took = time.perf_counter() - started
            print(
                f"wrote {count:,} tips ({size:.0f} MB, {files} files) in {took:.1f} s", flush=True
            )
            keyword = [*tips, "tips", "search", "advocate"]
            rows.append((f"{count:,} tips: first search (no cache)", *measure(keyword, env)))
            rows.append(
                (
                    f"{count:,} tips: keyword search, cached",
                    *median_run(keyword, env, options.rounds),
                )
            )
            sentence_args = [*tips, "tips", "search", "my son got sent home early again"]
            rows.append(
                (
                    f"{count:,} tips: sentence search, cached",
                    *median_run(sentence_args, env, options.rounds),
                )
            )
            plan = [*tips, "plan", "--example"]
            rows.append(
                (f"{count:,} tips: plan --example, cached", *median_run(plan, env, options.rounds))
            )
    return 0


class Rows(list[tuple[str, float, float]]):
    """The measurements, each printed as soon as it is taken (a long run shows progress)."""

    def append(self, row: tuple[str, float, float]) -> None:
        if not self:
            print(f"{'':44} {'seconds':>8} {'x floor':>8} {'peak MB':>8}")
        super().append(row)
        base = self[0][1] if self[0][0].startswith("floor") else None
        name, seconds, memory = row
        ratio = f"{seconds / base:7.2f}x" if base else "       -"
        print(f"{name:44} {seconds:8.3f} {ratio} {memory:8.0f}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
