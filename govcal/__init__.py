"""govcal: the application shell (command line, exports, reports) over `simulation` and `scheduler`."""

from scheduler import __version__

__all__ = ["__version__"]
