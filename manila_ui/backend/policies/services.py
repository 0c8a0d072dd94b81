"""Service rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "service:index"
UPDATE = "service:update"
ENSURE_SHARES = "service:ensure_shares"

rules = [
    base.documented(INDEX, base.ADMIN, "Return a list of all running services.",
                    [("GET", "/os-services?{query}"), ("GET", "/services?{query}")]),
    base.documented(UPDATE, base.ADMIN, "Enable/Disable scheduling for a service.",
                    [("PUT", "/os-services/disable"), ("PUT", "/os-services/enable"),
                     ("PUT", "/services/disable"), ("PUT", "/services/enable")]),
    base.documented(ENSURE_SHARES, base.ADMIN,
                    "Run ensure shares for a manila-share binary.",
                    [("POST", "/services/ensure-shares")]),
]
