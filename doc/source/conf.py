"""Sphinx configuration of manila-ui's documentation (``make docs``, ``tox -e docs``).

Pages that describe code read it at build time (``_ext/manila_ui_docs.py``,
``oslo_config.sphinxext``), so the checkout's ``manila_ui`` must be importable: the
project's venv has it installed in editable mode.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE / "_ext"))


def _version() -> str:
    """``git describe`` of the checkout (as the package's version is derived), else the
    installed package's version."""
    try:
        return subprocess.run(["git", "describe", "--tags", "--always"],  # noqa: S607
                              cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        try:
            return metadata.version("manila-ui")
        except metadata.PackageNotFoundError:
            return "unknown"


project = "manila-ui"
author = "manila-ui contributors"
copyright = "manila-ui contributors, Apache License 2.0"  # noqa: A001 - Sphinx's name
release = version = _version()

extensions = [
    "myst_parser",                  # the contributor guide is Markdown
    "oslo_config.sphinxext",        # .. show-options:: (the backend's options)
    "oslo_config.sphinxconfiggen",  # the sample manila-ui-backend.conf
    "manila_ui_docs",               # API coverage, settings, screenshots (from the code)
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext"]
templates_path: list[str] = []
nitpicky = False
# Cross-references into the Markdown page's headings (#layout, #test-fixtures, ...).
myst_heading_anchors = 3

# Generated at build time into _static/ (git-ignored by doc/.gitignore).
config_generator_config_file = [
    ("config-generator/manila-ui-backend.conf", "_static/manila-ui-backend"),
]

html_theme = "furo"
html_title = f"manila-ui {release}"
html_static_path = ["_static"]
html_css_files = ["manila-ui.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": True}
