"""Differences between the bundled backend and real Manila that are accepted, and why.

Each entry: (kind, regex on "where" (the call), regex on the JSON path or header,
reason). Keep it short; every entry needs a reason a reviewer can check.
"""

from __future__ import annotations

import re

from manila_ui.tests.reference.differ import Difference

ALLOWED: list[tuple[str, str, str, str]] = [
    # (kind, where, path, reason)
]

_COMPILED = [(kind, re.compile(w), re.compile(p), why) for kind, w, p, why in ALLOWED]


def reason(diff: Difference) -> str | None:
    """Why ``diff`` is accepted, or None when it is a real difference."""
    for kind, where, path, why in _COMPILED:
        if diff.kind == kind and where.search(diff.where) and path.search(diff.path):
            return why
    return None
