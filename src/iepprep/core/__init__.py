"""The pure core of iepprep: models, content loading, planning and search.

Nothing in this package imports typer or questionary, so it can be tested and
reused without a terminal.
"""
