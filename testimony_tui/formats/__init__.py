"""Writing testimonies out: plain text (``text``), Markdown (``markdown``), data and JSON (``data``),
whole files to export (``export``: Markdown, JSON or one self-contained HTML page), and a page of the
site with its index card (``site``, ``site_index``).

This ``__init__`` holds only the table of export formats, so the config and the command line can
name them without loading a writer.
"""

from __future__ import annotations

FORMATS = {"markdown": ".md", "json": ".json", "html": ".html", "site": ".md"}
"""Every export format and the suffix of its files; the first is the default."""
