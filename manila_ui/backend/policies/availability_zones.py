"""Availability zone rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "availability_zone:index"

rules = [
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "List availability zones.",
                    [("GET", "/availability-zones"),
                     ("GET", "/os-availability-zone")]),
]
