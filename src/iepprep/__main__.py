"""Where `iepprep` (the console script) and `python -m iepprep` start.

Before anything is imported, the garbage collector is told to wait: starting up
creates tens of thousands of long-lived objects (typer, pydantic and Rich classes),
and with the default threshold of 700 new objects the collector would scan them
about 80 times before the command does any work — some 10 ms, a fifteenth of a
search. With a threshold of 100,000 a command runs without a collection, and a long
`iepprep meeting` session still collects now and then.
"""

import gc


def main() -> None:
    gc.set_threshold(100_000, 10, 10)
    from iepprep.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
