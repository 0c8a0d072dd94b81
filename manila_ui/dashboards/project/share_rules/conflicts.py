"""Overlapping ip rules whose levels differ: which one wins where.

Rules take effect in one order (priority, then the most specific range,
then the oldest rule; DESIGN.md), so for clients in the overlap of two
rules the earlier one wins.  The page says so instead of leaving users to
guess what ``rw`` on 10.0.0.0/8 and ``ro`` on 10.1.0.0/16 mean together.
"""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext as _

from manila_ui.api import share_access as api_access

# States of rules that are, or are about to be, on the share.
IN_EFFECT = ("active", "applying", "updating", "queued_to_apply",
             "queued_to_update")


@dataclasses.dataclass(frozen=True)
class Conflict:
    winner: api_access.AccessRule
    loser: api_access.AccessRule
    overlap: str
    reason: str

    @property
    def text(self) -> str:
        return _("%(w)s (%(wl)s) and %(l)s (%(ll)s) overlap with different access "
                 "levels: clients in %(o)s get %(wl)s, because %(w)s comes first "
                 "(%(reason)s).") % {
            "w": self.winner.access_to, "wl": self.winner.access_level,
            "l": self.loser.access_to, "ll": self.loser.access_level,
            "o": self.overlap, "reason": self.reason}


def _reason(first: api_access.AccessRule, second: api_access.AccessRule) -> str:
    if first.priority != second.priority:
        return _("priority %(a)d before %(b)d") % {"a": first.priority,
                                                   "b": second.priority}
    if first.breadth != second.breadth:
        return _("the more specific range")
    return _("the older rule")


def level_conflicts(rules: list[api_access.AccessRule]) -> list[Conflict]:
    ordered = api_access.effective_order(
        [rule for rule in rules if rule.state in IN_EFFECT and rule.network])
    found = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:]:
            a, b = first.network, second.network
            assert a is not None and b is not None
            if a.version != b.version or not a.overlaps(b):
                continue
            if first.access_level == second.access_level:
                continue
            overlap = a if a.num_addresses <= b.num_addresses else b
            found.append(Conflict(first, second, str(overlap), _reason(first, second)))
    return found
