"""Sphinx configuration of manila-ui's release notes (``make releasenotes``,
``tox -e releasenotes``): reno reads ``releasenotes/notes`` and the git tags, so each
note appears under the version that first contained it."""

from __future__ import annotations

import logging

# reno's scanner logs every note it reads at INFO: keep the build's output to what matters.
logging.getLogger("reno").setLevel(logging.WARNING)

project = "manila-ui Release Notes"
author = "manila-ui contributors"
copyright = "manila-ui contributors, Apache License 2.0"  # noqa: A001 - Sphinx's name
# The notes carry their own versions (git tags); the book has none.
release = version = ""

extensions = ["reno.sphinxext"]
root_doc = "index"
exclude_patterns = ["_build"]
templates_path: list[str] = []

html_theme = "furo"
html_title = "manila-ui release notes"
html_static_path: list[str] = []
html_show_sourcelink = False
