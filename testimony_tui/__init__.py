"""testimony-tui: read eventlet migration testimonies in the terminal."""

__version__ = "0.1.0"
