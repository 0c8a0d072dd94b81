"""Resource locks (2.81): lock a share against deletion, find, read, edit and
lift the lock, as the owner, a reader, another tenant and the admin; the
share refuses deletion while locked; a rule's locks (2.82) show in the list."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

LOCKS = "/resource-locks"
LOCK = LOCKS + "/{lock}"


def _lock(actor: str, resource: str = "{share}", note: str = "", save: str = "",
          **fields: object) -> Step:
    body = {"resource_lock": {"resource_id": resource, **fields}}
    return Step(actor, "POST", LOCKS, body=body, note=note,
                save={save: "resource_lock.id"} if save else {})


def resource_locks(mv: str) -> list[Step]:
    reason = f"keep-{TOKEN}"
    steps = [
        create_share(f"locked-{TOKEN}-{MV}"),
        _lock("demo", save="lock", resource_type="share", resource_action="delete",
              lock_reason=reason),
        Step("demo", "GET", LOCK),
        Step("demo", "GET", LOCKS + "?resource_id={share}"),
        Step("demo", "GET", LOCKS + "?resource_type=share&resource_id={share}&with_count=true"),
        Step("demo", "GET", LOCKS + f"?lock_reason={reason}"),
        Step("demo", "GET", LOCKS + "?resource_id={share}&limit=1&offset=0"),
        Step("demo", "GET", LOCKS + "?resource_id={share}&sort_key=bogus"),
        Step("reader", "GET", LOCK),
        Step("reader", "GET", LOCKS + "?resource_id={share}"),
        Step("alt_demo", "GET", LOCK),
        Step("alt_demo", "GET", LOCKS + "?resource_id={share}"),
        Step("admin", "GET", LOCK),
        Step("admin", "GET", LOCKS + "?all_projects=true&resource_id={share}"),
        _lock("demo", note="the same lock again", resource_type="share"),
        _lock("demo", note="a lock on showing a share", resource_type="share",
              resource_action="show"),
        _lock("demo", MISSING, note="a missing share", resource_type="share"),
        _lock("demo", "not-a-uuid", note="not a uuid", resource_type="share"),
        _lock("demo", note="a bad type", resource_type="volume"),
        _lock("demo", note="a reason too long", resource_type="share",
              lock_reason="x" * 1024),
        _lock("demo", note="an unknown field", resource_type="share", colour="red"),
        _lock("reader", note="reader", resource_type="share"),
        _lock("alt_demo", note="another tenant", resource_type="share"),
        Step("demo", "DELETE", SHOW, note="locked"),
        Step("demo", "PUT", LOCK, body={"resource_lock": {"lock_reason": "edited"}}),
        Step("demo", "PUT", LOCK, body={"resource_lock": {"resource_action": "show"}},
             note="an action a share has not"),
        Step("demo", "PUT", LOCK, body={"resource_lock": {"colour": "red"}},
             note="an unknown field"),
        Step("reader", "PUT", LOCK, body={"resource_lock": {"lock_reason": "reader"}}),
        Step("alt_demo", "PUT", LOCK, body={"resource_lock": {"lock_reason": "alt"}}),
        Step("demo", "GET", LOCK, note="edited"),
        Step("reader", "DELETE", LOCK),
        Step("alt_demo", "DELETE", LOCK),
        Step("demo", "DELETE", LOCK),
        Step("demo", "GET", LOCK, note="lifted"),
        Step("demo", "DELETE", LOCK, note="again"),
        Step("demo", "GET", f"{LOCKS}/{MISSING}"),
    ]
    if at_least(mv, "2.82"):
        # A rule locked against deletion: its locks (and the share's) are
        # listed; the rule goes with unrestrict.
        rule = "/share-access-rules/{rule}"
        steps += [
            Step("demo", "POST", SHOW + "/action", body={"allow_access": {
                "access_type": "ip", "access_to": "10.9.0.0/24", "access_level": "ro",
                "lock_deletion": True, "lock_reason": reason}},
                 save={"rule": "access.id"},
                 wait=Wait(rule, ("active", "error"), via=("queued_to_apply", "applying"),
                           status="access.state")),
            Step("demo", "GET", LOCKS + "?resource_id={rule}"),
            Step("demo", "GET", LOCKS + "?resource_type=access_rule&resource_id={rule}",
                 save={"rule_lock": "resource_locks.0.id"}),
            Step("demo", "GET", LOCKS + "?resource_id={share}", note="locked by the rule"),
            Step("demo", "PUT", LOCKS + "/{rule_lock}",
                 body={"resource_lock": {"lock_reason": "rule, edited"}}),
            Step("demo", "POST", SHOW + "/action", body={"deny_access": {
                "access_id": "{rule}", "unrestrict": True}},
                 wait=Wait(rule, ("gone", "error"), via=("queued_to_deny", "denying"),
                           status="access.state")),
            Step("demo", "GET", LOCKS + "?resource_id={share}", note="rule gone"),
        ]
    steps.append(delete_share())
    return steps
