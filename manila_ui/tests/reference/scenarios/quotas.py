"""Quotas and limits: what members read, what admins set and reset, over-quota refusals.

Usage counts depend on what each project holds on each side, so the answers
that carry them are compared on their keys; defaults and what the admin sets
are compared on their values too. The admin changes alt_demo's quotas and
resets them at the end.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

ALT = "{project:alt_demo}"


def _base(mv: str) -> str:
    return "/quota-sets" if at_least(mv, "2.7") else "/os-quota-sets"


def limits(mv: str) -> list[Step]:
    return [
        Step("demo", "GET", "/limits", values=False),
        Step("reader", "GET", "/limits", values=False),
        Step("alt_demo", "GET", "/limits", values=False),
        Step("admin", "GET", "/limits", values=False),
        Step(None, "GET", "/limits", note="no token"),
    ]


def quotas(mv: str) -> list[Step]:
    base = _base(mv)
    demo, alt = base + "/{project:demo}", base + "/" + ALT
    steps = [
        Step("admin", "DELETE", alt, note="start from the defaults"),
        Step("demo", "GET", demo, values=False),
        Step("reader", "GET", demo, values=False),
        Step("demo", "GET", demo + "/defaults"),
        Step("demo", "GET", alt, note="another project"),
        Step("alt_demo", "GET", demo, note="another project"),
        Step("admin", "GET", alt + "/defaults"),
        Step("admin", "GET", alt, values=False),
        Step("admin", "PUT", alt, body={"quota_set": {"shares": 77, "snapshots": 66}}),
        Step("admin", "GET", alt, note="after the update", values=False),
        Step("admin", "PUT", alt, body={"quota_set": {"shares": -5}}, note="negative"),
        Step("admin", "PUT", alt, body={"quota_set": {"shares": "many"}}, note="not a number"),
        Step("admin", "PUT", alt, body={"quota_set": {"bogus": 1}}, note="unknown resource"),
        Step("admin", "PUT", alt, body={"quota_set": {}}, note="nothing to set"),
        Step("demo", "PUT", demo, body={"quota_set": {"shares": 1000}}),
        Step("demo", "DELETE", demo),
        Step("alt_demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 5000}}, note="over gigabytes"),
    ]
    if at_least(mv, "2.25"):
        steps += [
            Step("demo", "GET", demo + "/detail", values=False),
            Step("admin", "GET", alt + "/detail", values=False),
        ]
    if at_least(mv, "2.39"):
        steps += [
            Step("admin", "GET", alt + "?share_type=default", values=False),
            Step("admin", "PUT", alt + "?share_type=default",
                 body={"quota_set": {"shares": 33}}, note="per share type"),
            Step("admin", "GET", alt + "?share_type=no-such-type"),
            Step("admin", "PUT", alt + "?share_type=default",
                 body={"quota_set": {"share_networks": 3}}, note="not a per-type resource"),
            Step("admin", "DELETE", alt + "?share_type=default"),
        ]
    if at_least(mv, "2.62"):
        steps += [
            Step("admin", "PUT", alt, body={"quota_set": {"per_share_gigabytes": 5}}),
            Step("alt_demo", "POST", "/shares",
                 body={"share": {"share_proto": "NFS", "size": 6}}, note="over per-share size"),
        ]
    steps += [
        Step("admin", "DELETE", alt),
        Step("admin", "GET", alt, note="after the reset", values=False),
        Step("admin", "GET", base + "/{project:demo}?user_id=nobody", values=False),
    ]
    return steps
