"""User messages (2.37+): a share that no pool can take leaves one behind."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import delete_share
from manila_ui.tests.reference.scenarios.types import create_type

MSG = "/messages/{msg}"


def messages(mv: str) -> list[Step]:
    type_name = f"nohost-{TOKEN}-{MV}"
    steps = [
        # No pool reports vendor_name=foobar: the scheduler fails the share (as tempest does).
        create_type(mv, type_name, vendor_name="foobar"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "share_type": type_name,
                             "name": f"nohost-{TOKEN}-{MV}"}},
             save={"share": "share.id"},
             wait=Wait("/shares/{share}", ("available", "error"), via=("creating",)),
             # The scheduler may fail it before Manila answers: a race, not the API.
             ignore=PLACEMENT | {"status"}),
        Step("demo", "GET", "/messages?resource_id={share}", save={"msg": "messages.0.id"}),
    ]
    if at_least(mv, "2.37"):
        steps += [
            Step("demo", "GET", MSG),
            Step("reader", "GET", MSG),
            Step("alt_demo", "GET", MSG),
            Step("admin", "GET", MSG),
            Step("demo", "GET", "/messages?resource_id={share}&limit=1&offset=0"),
            Step("demo", "GET", "/messages?resource_id={share}&sort_key=created_at&sort_dir=asc"),
            Step("demo", "GET", "/messages?resource_id={share}&message_level=ERROR"),
            Step("demo", "GET", "/messages?resource_id={share}&action_id=001"),
            Step("demo", "GET", "/messages?resource_type=SHARE&resource_id={share}"),
            Step("alt_demo", "GET", "/messages?resource_id={share}"),
            Step("admin", "GET", "/messages?resource_id={share}&all_tenants=1"),
            Step("demo", "GET", "/messages?sort_key=bogus"),
            Step("demo", "GET", "/messages?resource_id={share}&sort_dir=sideways"),
            Step("demo", "GET", f"/messages/{MISSING}"),
            Step("reader", "DELETE", MSG),
            Step("alt_demo", "DELETE", MSG),
            Step("demo", "DELETE", MSG),
            Step("demo", "GET", MSG, note="deleted"),
            Step("demo", "DELETE", MSG, note="again"),
        ]
    if at_least(mv, "2.52"):
        steps += [
            Step("demo", "GET", "/messages?created_since=bogus"),
            Step("demo", "GET", "/messages?created_before=2000-01-01T00:00:00&resource_id={share}"),
            Step("demo", "GET", "/messages?created_since=2000-01-01T00:00:00&resource_id={share}"),
        ]
    steps += [
        delete_share(),
        Step("admin", "DELETE", "/types/{type}"),
    ]
    return steps
