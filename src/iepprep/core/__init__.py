"""The pure core of iepprep: models, content loading, planning and search.

Nothing in this package imports typer, rich or questionary, so it can be tested and
reused without a terminal.
"""
