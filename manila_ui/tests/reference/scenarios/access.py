"""Access rules: allow, list, show, metadata, level update, locks, deny; refusals."""

from __future__ import annotations

from typing import Any

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import action
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.engine import ref
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

RULE = "/share-access-rules/{rule}"
ACT = SHOW + "/action"


def _rule_wait(until: tuple[str, ...], via: tuple[str, ...], var: str = "rule") -> Wait:
    # Rules have their own URL only from 2.45: poll there whatever the scenario's version.
    return Wait("/share-access-rules/" + ref(var), until, via=via, status="access.state",
                version="2.45")


def _allow(mv: str, actor: str, to: str, level: str = "rw", kind: str = "ip",
           metadata: dict[str, str] | None = None, note: str = "", save: str = "",
           act: str = ACT, **extra: Any) -> Step:
    body: dict[str, Any] = {"access_type": kind, "access_to": to, "access_level": level, **extra}
    if metadata is not None:
        body["metadata"] = metadata
    # Polled at 2.45, so the states are the per-rule ones of 2.28+ at any version.
    applied = ("queued_to_apply", "applying")
    return Step(actor, "POST", act, body={action(mv, "allow_access"): body}, note=note,
                save={save: "access.id"} if save else {},
                wait=_rule_wait(("active", "error"), applied, save) if save else None)


def _deny(mv: str, actor: str, var: str = "rule", wait: bool = True, **extra: Any) -> Step:
    body = {action(mv, "deny_access"): {"access_id": ref(var), **extra}}
    return Step(actor, "POST", ACT, body=body,
                wait=_rule_wait(("gone", "error"), ("queued_to_deny", "denying"), var)
                if wait else None)


def _listing(mv: str, actor: str) -> Step:
    if at_least(mv, "2.45"):
        return Step(actor, "GET", "/share-access-rules?share_id={share}", unordered=True)
    # Below 2.28 a rule's state is the share's access_rules_status, which lags
    # the rules' own (polled at 2.45) for a moment: not comparable right after a change.
    ignore = frozenset() if at_least(mv, "2.28") else frozenset({"state"})
    return Step(actor, "POST", ACT, body={action(mv, "access_list"): None}, unordered=True,
                ignore=ignore)


def access_rules(mv: str) -> list[Step]:
    md = {"purpose": "differential"} if at_least(mv, "2.45") else None
    steps = [
        create_share(f"access-{TOKEN}-{MV}"),
        _allow(mv, "demo", "10.0.0.0/24", metadata=md, save="rule"),
        _listing(mv, "demo"),
        _listing(mv, "reader"),
        _listing(mv, "alt_demo"),
        _listing(mv, "admin"),
        _allow(mv, "demo", "10.0.0.0/24", note="the same rule again"),
        _allow(mv, "demo", "10.0.0.300", note="bad address"),
        _allow(mv, "demo", "10.0.0.1", level="xx", note="bad level"),
        _allow(mv, "demo", "ab", kind="user", note="user name too short"),
        _allow(mv, "demo", "x", kind="nosuchtype", note="bad type"),
        _allow(mv, "demo", "2001:db8::/64", note="IPv6", save="rule6"),
        _allow(mv, "reader", "10.0.1.0/24", note="reader"),
        _allow(mv, "alt_demo", "10.0.2.0/24", note="another tenant"),
        _deny(mv, "alt_demo", wait=False),
        _deny(mv, "reader", wait=False),
        Step("demo", "POST", ACT, body={action(mv, "deny_access"): {"access_id": MISSING}}),
    ]
    if at_least(mv, "2.45"):
        steps += [
            Step("demo", "GET", RULE),
            Step("reader", "GET", RULE),
            Step("alt_demo", "GET", RULE),
            Step("admin", "GET", RULE),
            Step("demo", "GET", f"/share-access-rules/{MISSING}"),
            Step("demo", "GET", "/share-access-rules", note="no share_id"),
            Step("demo", "GET", "/share-access-rules?share_id={share}&access_type=ip",
                 unordered=True),
            Step("demo", "GET", "/share-access-rules?share_id={share}&access_level=ro",
                 unordered=True),
            Step("demo", "PUT", RULE + "/metadata", body={"metadata": {"k2": "v2"}}),
            Step("reader", "PUT", RULE + "/metadata", body={"metadata": {"k3": "v3"}}),
            Step("demo", "DELETE", RULE + "/metadata/k2"),
            Step("demo", "DELETE", RULE + "/metadata/nokey"),
            Step("demo", "GET", RULE, note="after the metadata changes"),
        ]
    if at_least(mv, "2.88"):
        steps += [
            Step("demo", "PUT", RULE, body={"update_access": {"access_level": "ro"}},
                 wait=_rule_wait(("active", "error"), ("queued_to_update", "updating"))),
            Step("demo", "PUT", RULE, body={"update_access": {"access_level": "bogus"}}),
            Step("reader", "PUT", RULE, body={"update_access": {"access_level": "rw"}}),
        ]
    if at_least(mv, "2.82"):
        steps += [
            _allow(mv, "demo", "10.0.7.0/24", save="locked", note="locked rule",
                   lock_deletion=True, lock_visibility=True, lock_reason="differential"),
            Step("alt_demo", "GET", "/share-access-rules/{locked}"),
            Step("admin", "GET", "/share-access-rules/{locked}", note="locked rule"),
            _deny(mv, "demo", "locked", wait=False),
            _deny(mv, "demo", "locked", unrestrict=True),
        ]
    steps += [
        _deny(mv, "demo", "rule6"),
        _deny(mv, "demo"),
        _deny(mv, "demo", wait=False),
        _listing(mv, "demo"),
        delete_share(),
    ]
    return steps


def squash_extension(mv: str) -> list[Step]:
    """Our extension's reserved rule metadata keys (squash, anonuid, priority): real
    Manila stores any value; the bundled backend validates and applies them. A
    share of its own, so that the other rule listings stay comparable."""
    ext = "/shares/{ext}/action"
    return [
        create_share(f"squash-{TOKEN}-{MV}", save="ext"),
        _allow(mv, "demo", "10.0.3.0/24", metadata={"priority": "10"}, save="prio",
               note="priority in range", act=ext),
        _allow(mv, "demo", "10.0.4.0/24", metadata={"priority": "0"}, act=ext,
               note="squash extension: priority out of range"),
        _allow(mv, "demo", "10.0.5.0/24", metadata={"squash": "root_squash"}, act=ext,
               note="squash extension: type without squash support"),
        _allow(mv, "demo", "10.0.6.0/24", metadata={"anonuid": "65534"}, act=ext,
               note="squash extension: anonuid without squash"),
        Step("demo", "GET", "/share-access-rules?share_id={ext}&sort_key=priority",
             values=False, note="squash extension: effective order"),
        delete_share("ext"),
    ]
