"""Quota class sets (issue 19): ``/os-quota-class-sets`` up to 2.6 and
``/quota-class-sets`` from 2.7, read and set by an admin for a class of the
run's own (never ``default``, which every project of the stack uses), refused
to members, readers and another tenant; bodies with unknown, negative and
non-integer values, resources of later microversions.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

VERSIONS = ("2.0", "2.6", "2.7", "2.39", "2.40", "2.53", "2.62", "2.80", "2.90", "2.99")


def quota_classes(mv: str) -> list[Step]:
    current = "/quota-class-sets" if at_least(mv, "2.7") else "/os-quota-class-sets"
    other = "/os-quota-class-sets" if at_least(mv, "2.7") else "/quota-class-sets"
    mine = f"{current}/fid-{TOKEN}"
    steps = [Step(actor, "GET", f"{current}/default")
             for actor in ("admin", "demo", "reader", "alt_demo")]
    steps += [
        Step("admin", "GET", f"{other}/default", note="other spelling"),
        Step("admin", "GET", mine, note="a class nobody set"),
        Step("admin", "PUT", mine, body={"quota_class_set": {"shares": 17, "snapshots": 16}}),
        Step("admin", "GET", mine, note="after the update"),
        Step("admin", "PUT", f"{other}/fid-{TOKEN}", body={"quota_class_set": {"shares": 1}},
             note="other spelling"),
        Step("demo", "PUT", mine, body={"quota_class_set": {"shares": 1}}),
        Step("reader", "PUT", mine, body={"quota_class_set": {"shares": 1}}),
        Step("alt_demo", "PUT", mine, body={"quota_class_set": {"shares": 1}}),
        Step("demo", "GET", mine),
        Step("admin", "PUT", mine, body={"quota_class_set": {"shares": -1}}, note="unlimited"),
        Step("admin", "PUT", mine, body={"quota_class_set": {"shares": -5}}, note="negative"),
        Step("admin", "PUT", mine, body={"quota_class_set": {"shares": "many"}},
             note="not a number"),
        Step("admin", "PUT", mine, body={"quota_class_set": {"shares": "12"}},
             note="a number as text"),
        Step("admin", "PUT", mine, body={"quota_class_set": {"bogus": 1}},
             note="unknown resource"),
        Step("admin", "PUT", mine, body={"quota_class_set": {}}, note="nothing to set"),
        Step("admin", "PUT", mine, body={"quota_set": {"shares": 1}}, note="wrong wrapper"),
        Step("admin", "PUT", mine, body={"quota_class_set": []}, note="a list"),
        Step("admin", "PUT", mine, raw_body=b"{bad", note="not JSON"),
        Step("admin", "PUT", mine, note="no body"),
    ]
    for resource in ("share_groups", "share_replicas", "per_share_gigabytes", "backups",
                     "encryption_keys", "share_group_snapshots"):
        steps.append(Step("admin", "PUT", mine, body={"quota_class_set": {resource: 9}},
                          note=resource))
    steps.append(Step("admin", "GET", mine, note="at the end"))
    return steps
