"""Allow `python -m iepprep`."""

from iepprep.cli import main

main()
