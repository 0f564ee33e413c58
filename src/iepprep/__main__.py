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
    """Run the command; a Ctrl-C at any moment, even while the command's modules are
    still being imported, ends it with "Stopped." and exit code 130, never a traceback."""
    try:
        gc.set_threshold(100_000, 10, 10)
        from iepprep.cli import main as run_cli

        run_cli()
    except KeyboardInterrupt:
        _stopped()


def _stopped() -> None:
    import os
    import sys

    try:
        if sys.stderr is not None:
            sys.stderr.write("Stopped.\n")
            sys.stderr.flush()
    except (OSError, ValueError, KeyboardInterrupt):
        pass
    os._exit(130)


if __name__ == "__main__":
    main()
