"""iepprep: get ready for an IEP meeting with advice from parents who have been there."""

# The single source of the version (pyproject.toml reads it from here). A literal, not
# importlib.metadata: looking it up costs ~25 ms at every start, a quarter of --help.
__version__ = "0.1.0"
