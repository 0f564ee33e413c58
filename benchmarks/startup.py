"""Start-up benchmark: each command's time as a multiple of floor.py.

Run by hand (CI runs it too and prints the report), from the project's environment:

    .venv/bin/python benchmarks/startup.py [--rounds 7]

The yardstick is `benchmarks/floor.py`: the simplest program on this project's
stack, a typer command with typed options that prints one line with Rich. Each round
runs floor.py and then every command, with the same interpreter and environment, and
a command's figure is the median of its per-round ratios (paired medians), so a
machine that is busy for a moment slows both sides of a pair alike (the CPU column
compares CPU time the same way: other work on the machine barely moves it). The goals are
issue 11's. The "colour terminal" rows force Rich's styled output (FORCE_COLOR), as
a person at a terminal sees it; the others write to a pipe, as scripts do. It also
builds a 10,000-tip library to time `--tips big.yaml tips search advocate` once its
cache is warm. The sentence row is issue 13's: a sentence costs no more than a
keyword. The `--lang es` rows run a plan and a search in Spanish, with the
English rows' goals. Exit code 1 when a command is over its goal.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = Path(__file__).with_name("floor.py")
# Goals as multiples of floor.py (issue 11).
GOALS = {
    "--help": 0.8,
    "tips search sign": 0.9,
    "tips search sign (colour terminal)": 0.9,
    "plan --example": 1.0,
    "plan --example (colour terminal)": 1.0,
    "--tips big.yaml tips search advocate": 1.2,
    "plan --example --output plan.pdf": 1.3,
    "plan --example --format json": 1.0,
    # Spanish costs no more than English: the same goals as the English rows.
    "tips search my son got sent home early again": 0.9,
    "plan --example --lang es": 1.0,
    "tips search grabar la reunion --lang es": 0.9,
}


def run_once(args: list[str], env: dict[str, str]) -> float:
    return run_timed(args, env)[0]


def run_timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run. CPU time barely
    moves when other work shares the machine; wall-clock time is what a person feels."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
        env.pop("FORCE_COLOR", None)
        colour = dict(env, FORCE_COLOR="1")
        colour.pop("NO_COLOR")
        big = Path(home) / "big.yaml"
        big_library(big, options.big)
        # The console script, as users type it; `python -m iepprep` where there is none.
        script = Path(sys.executable).with_name("iepprep")
        cli = [str(script)] if script.exists() else [sys.executable, "-m", "iepprep"]
        pdf = str(Path(home) / "plan.pdf")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "--help": ([*cli, "--help"], env),
            "tips search sign": ([*cli, "tips", "search", "sign"], env),
            "tips search sign (colour terminal)": ([*cli, "tips", "search", "sign"], colour),
            "plan --example": ([*cli, "plan", "--example"], env),
            "plan --example (colour terminal)": ([*cli, "plan", "--example"], colour),
            "--tips big.yaml tips search advocate": (
                [*cli, "--tips", str(big), "tips", "search", "advocate"],
                env,
            ),
            "plan --example --output plan.pdf": ([*cli, "plan", "--example", "-o", pdf], env),
            "plan --example --format json": ([*cli, "plan", "--example", "-f", "json"], env),
            "tips search my son got sent home early again": (
                [*cli, "tips", "search", *["my", "son", "got", "sent", "home", "early", "again"]],
                env,
            ),
            "plan --example --lang es": ([*cli, "--lang", "es", "plan", "--example"], env),
            "tips search grabar la reunion --lang es": (
                [*cli, "--lang", "es", "tips", "search", "grabar", "la", "reunion"],
                env,
            ),
        }
        floor = [sys.executable, str(FLOOR), "sign"]
        first = run_once(commands["--tips big.yaml tips search advocate"][0], env)
        for args, command_env in commands.values():  # warm the caches and the disk
            run_once(args, command_env)
        run_once(floor, env)
        floors: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in commands}
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        cpu_ratios: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(options.rounds):
            for name, (args, command_env) in commands.items():
                base, base_cpu = run_timed(floor, command_env)  # a pair: same moment, same env
                took, took_cpu = run_timed(args, command_env)
                floors.append(base)
                times[name].append(took)
                ratios[name].append(took / base)
                cpu_ratios[name].append(took_cpu / base_cpu)

    print(
        f"floor.py (typer + one line printed with Rich): {statistics.median(floors) * 1000:.0f} ms"
        f" (median of {len(floors)} runs)"
    )
    print(f"first run with the {options.big:,}-tip library (cache cold): {first * 1000:.0f} ms")
    print(f"{'iepprep command':40} {'ms':>6} {'× floor':>8} {'(CPU)':>7} {'goal':>6}")
    over = False
    for name in commands:
        ratio = statistics.median(ratios[name])
        cpu = statistics.median(cpu_ratios[name])
        goal = GOALS[name]
        flag = "" if ratio <= goal else "  OVER"
        over = over or bool(flag)
        median_ms = statistics.median(times[name]) * 1000
        print(f"{name:40} {median_ms:6.0f} {ratio:7.2f}× {cpu:6.2f}× {goal:5.1f}×{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
