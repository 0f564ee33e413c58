"""iepprep: get ready for an IEP meeting with advice from parents who have been there."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("iepprep")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
