"""Storage pool rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "scheduler_stats:pools:index"
DETAIL = "scheduler_stats:pools:detail"

rules = [
    base.documented(INDEX, base.ADMIN, "List storage pools.",
                    [("GET", "/scheduler-stats/pools?{query}")]),
    base.documented(DETAIL, base.ADMIN,
                    "List storage pools with their capabilities.",
                    [("GET", "/scheduler-stats/pools/detail?{query}")]),
]
