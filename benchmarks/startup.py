"""Start-up benchmark: each command's time as a multiple of the bare interpreter.

Run by hand (CI runs it too and prints the report), from the project's environment:

    .venv/bin/python benchmarks/startup.py

It times `python -c pass` and each command side by side, in the same environment,
several rounds each, and reports median ratios. It builds a 10,000-tip library to
time `--tips big.yaml tips search advocate` once its cache is warm. Output goes to a
pipe, as in scripts; the "color terminal" rows force Rich's styled output, as a
person at a terminal sees it. Exit code 1 when a budgeted ratio is over.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Ratios to `python -c pass`, from issue 6.
BUDGETS = {
    "--help": 8.0,
    "tips search sign": 14.0,
    "plan --example": 16.0,
    "--tips big.yaml tips search advocate": 25.0,
    # Issue 11: PDF within 1.3x floor.py (a typer + Rich hello), which is ~18x `pass`.
    "plan --example --output plan.pdf": 23.0,
}
COLOR_ROWS = ("tips search sign", "plan --example")


def run_once(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def big_library(path: Path, count: int) -> None:
    """A large tips file in the bundled format, written directly (fast)."""
    topics = ["support", "rights", "goals", "services", "signing", "evaluation"]
    phases = ["before", "during", "after"]
    words = [
        "advocate",
        "meeting",
        "parent",
        "school",
        "signing",
        "records",
        "goals",
        "services",
        "teacher",
        "progress",
        "notes",
        "evaluation",
        "therapy",
        "reading",
        "writing",
        "plan",
        "review",
    ]
    lines = ["version: 1", "tips:"]
    for n in range(count):
        w = [words[(n * k + k) % len(words)] for k in range(1, 9)]
        lines += [
            f"- id: group-tip-{n}",
            f"  title: Tip {n} about {w[0]} and {w[1]}",
            f"  body: Parents in our group say {' '.join(w)} help when you {w[2]} early.",
            f"  why: It helps with {w[3]} and {w[4]}.",
            f"  phase: {phases[n % 3]}",
            f"  topics: [{topics[n % len(topics)]}]",
            "  source: {kind: added, where: Example parent group}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--big", type=int, default=10_000, help="tips in the large library")
    options = parser.parse_args()

    # Users run an installed package, whose bytecode pip compiled at install time. An
    # editable install (or PYTHONDONTWRITEBYTECODE) would recompile iepprep on every
    # run, so compile it once here, as an installation would.
    import iepprep

    compileall.compile_dir(Path(iepprep.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, IEPPREP_HOME=home, IEPPREP_TODAY="2026-11-27", NO_COLOR="1")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        color_env = dict(env, FORCE_COLOR="1")
        color_env.pop("NO_COLOR")
        big = Path(home) / "big.yaml"
        big_library(big, options.big)
        # The console script, as users type it; `python -m iepprep` where there is none.
        script = Path(sys.executable).with_name("iepprep")
        cli = [str(script)] if script.exists() else [sys.executable, "-m", "iepprep"]
        commands = {
            "--help": [*cli, "--help"],
            "tips search sign": [*cli, "tips", "search", "sign"],
            "plan --example": [*cli, "plan", "--example"],
            "plan --example --output plan.pdf": [
                *cli,
                "plan",
                "--example",
                "--output",
                str(Path(home) / "plan.pdf"),
            ],
            "--tips big.yaml tips search advocate": [
                *cli,
                "--tips",
                str(big),
                "tips",
                "search",
                "advocate",
            ],
        }
        first = run_once(commands["--tips big.yaml tips search advocate"], env)
        for args in commands.values():  # warm the caches and the disk
            run_once(args, env)
        baseline: list[float] = []
        piped: dict[str, list[float]] = {name: [] for name in commands}
        colored: dict[str, list[float]] = {name: [] for name in COLOR_ROWS}
        for _ in range(options.rounds):
            baseline.append(run_once([sys.executable, "-c", "pass"], env))
            for name, args in commands.items():
                piped[name].append(run_once(args, env))
            for name in COLOR_ROWS:
                colored[name].append(run_once(commands[name], color_env))

    base = statistics.median(baseline)
    print(f"python -c pass: {base * 1000:.1f} ms (median of {options.rounds} rounds)")
    print(f"first run with the {options.big:,}-tip library (cache cold): {first * 1000:.0f} ms")
    print(f"{'command':46} {'ms':>7} {'ratio':>7} {'budget':>7}")
    over = False
    rows = [(name, times, BUDGETS[name]) for name, times in piped.items()]
    rows += [(f"{name} (color terminal)", times, BUDGETS[name]) for name, times in colored.items()]
    for name, times, budget in rows:
        median = statistics.median(times)
        ratio = median / base
        flag = "" if ratio <= budget else "  OVER"
        over = over or bool(flag)
        print(f"iepprep {name:38} {median * 1000:7.1f} {ratio:6.1f}x {budget:6.0f}x{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
