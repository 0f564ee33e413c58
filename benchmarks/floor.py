"""The floor of any typer + Rich command: a typed command that prints one line with Rich.

Run it in the project's own environment, beside the command you measure:
    .venv/bin/python benchmarks/floor.py sign
Whatever iepprep spends beyond this is iepprep's own cost. (The same program as the
shared ../shared/bench/floor.py the speed goals were set against, kept here so the
benchmark runs from a fresh clone.)
"""

import typer
from rich.console import Console
from rich.text import Text

app = typer.Typer(add_completion=False)


@app.command()
def main(words: list[str], limit: int = 8) -> None:
    Console().print(Text(" ".join(words[:limit]), style="bold"))


if __name__ == "__main__":
    app()
