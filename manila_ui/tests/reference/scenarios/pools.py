"""``/scheduler-stats/pools[/detail]``: every filter Manila documents (``backend``,
``host``, ``pool``, ``name``, ``share_type`` from 2.23), alone and combined, with
valid, unknown and malformed values, as admin and as the users it refuses.

The two sides name their hosts and pools differently (``realmanila`` /
``fake_pool_for_ALPHA`` against ``manila-ui`` / ``pool_alpha``) but their back
ends alike (alpha, beta, gamma): filters match on those, or on patterns both
names satisfy; the pool ``name`` is not compared as a value.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

POOLS = "/scheduler-stats/pools"
NAME = frozenset({"name"})
FILTERS = (
    "backend=alpha", "backend=alp", "backend=ALPHA", "backend=.*ta", "backend=",
    "backend=gamma&pool=.*", "backend=alpha&backend=beta", "host=.*", "host=nope",
    "pool=.*_", "pool=nope", "name=.*@beta", "name=.*%23", "foo=bar", "limit=1",
    "backend=alpha&foo=bar",
)


def pools(mv: str) -> list[Step]:
    steps = [
        Step("demo", "GET", POOLS),
        Step("demo", "GET", POOLS + "/detail"),
        Step("reader", "GET", POOLS + "/detail"),
        Step("admin", "GET", POOLS, ignore=NAME, unordered=True),
        # The detail's capabilities: the key set (the bundled pools report more:
        # see allowlist.py), not the storage's numbers.
        Step("admin", "GET", POOLS + "/detail", values=False, unordered=True),
    ]
    steps += [Step("admin", "GET", f"{POOLS}?{query}", ignore=NAME, unordered=True)
              for query in FILTERS]
    steps += [
        Step("admin", "GET", f"{POOLS}/detail?backend=beta", values=False),
        Step("admin", "GET", f"{POOLS}?share_type=default", ignore=NAME, unordered=True),
        Step("admin", "GET", f"{POOLS}?share_type=dhss_true", ignore=NAME),
        Step("admin", "GET", f"{POOLS}/detail?share_type=dhss_false&backend=b",
             values=False),
        Step("admin", "GET", f"{POOLS}?share_type=no-such-type"),
        Step("admin", "GET", f"{POOLS}?capabilities=x", note="capabilities as text"),
        Step("admin", "GET", f"{POOLS}?backend=%5B", note="not a regular expression"),
    ]
    if not at_least(mv, "2.23"):
        steps.append(Step("admin", "GET", f"{POOLS}?share_type=default&backend=alpha",
                          note="share_type before 2.23"))
    return steps
