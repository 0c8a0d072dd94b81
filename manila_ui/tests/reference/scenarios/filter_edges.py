"""List filters of access rules (``/share-access-rules``, 2.45; ``access_type``,
``access_to``, ``access_level`` and ``metadata`` filters from 2.82) and of user
messages (2.37; ``created_since``/``created_before`` from 2.52), alone and with
unknown and malformed values, missing and foreign ids, as owner, reader,
another tenant and admin (issue 19).

Every listing is scoped by the run's share, so the ids found are compared.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share
from manila_ui.tests.reference.scenarios.types import create_type

ACCESS_VERSIONS = ("2.45", "2.81", "2.82", "2.99")
MESSAGE_VERSIONS = ("2.37", "2.51", "2.52", "2.99")
RULES = "/share-access-rules?share_id={share}"
ACCESS_FILTERS = (
    "", "&access_type=ip", "&access_type=user", "&access_to=10.31.0.0/24",
    "&access_to=10.99.0.1", "&access_level=ro", "&access_level=rw", "&access_level=bogus",
    "&metadata={'fk':'fv'}", "&metadata={'fk':'other'}", "&metadata=notadict",
    "&access_type=ip&access_level=rw", "&foo=bar", "&access_key=x",
)


def _allow(to: str, level: str, save: str, metadata: dict[str, str]) -> Step:
    return Step("demo", "POST", SHOW + "/action", save={save: "access.id"},
                body={"allow_access": {"access_type": "ip", "access_to": to,
                                       "access_level": level, "metadata": metadata}},
                wait=Wait("/share-access-rules/{" + save + "}", ("active", "error"),
                          via=("queued_to_apply", "applying"), status="access.state"))


def access_rule_filters(mv: str) -> list[Step]:
    steps = [
        create_share(f"afl-{TOKEN}-{MV}"),
        _allow("10.31.0.0/24", "rw", "r1", {"fk": "fv"}),
        _allow("10.32.0.1", "ro", "r2", {"other": "x"}),
    ]
    for query in ACCESS_FILTERS:
        steps += [Step(actor, "GET", RULES + query, unordered=True)
                  for actor in ("demo", "reader", "alt_demo", "admin")]
    steps += [
        Step("demo", "GET", "/share-access-rules", note="no share_id"),
        Step("demo", "GET", "/share-access-rules?access_type=ip", note="no share_id"),
        Step("demo", "GET", f"/share-access-rules?share_id={MISSING}"),
        Step("admin", "GET", f"/share-access-rules?share_id={MISSING}"),
        Step("demo", "GET", "/share-access-rules?share_id=", note="empty share_id"),
        Step("demo", "GET", "/share-access-rules/{r1}"),
        Step("alt_demo", "GET", "/share-access-rules/{r1}"),
        Step("demo", "GET", RULES, version="2.44", note="before 2.45"),
        delete_share(),
    ]
    return steps


MESSAGES = "/messages?resource_id={share}"
MESSAGE_FILTERS = (
    "", "&resource_type=SHARE", "&resource_type=SHARE_SNAPSHOT", "&resource_type=bogus",
    "&action_id=001", "&action_id=999", "&detail_id={detail}", "&detail_id=999",
    "&message_level=ERROR", "&message_level=INFO", "&request_id={request}",
    "&request_id=req-00000000-0000-0000-0000-000000000000", "&limit=1", "&limit=1&offset=1",
    "&offset=1", "&limit=0", "&sort_key=created_at", "&sort_key=created_at&sort_dir=desc",
    "&sort_key=action_id&sort_dir=asc", "&sort_dir=desc", "&foo=bar",
)
MESSAGE_MALFORMED = (
    "&limit=abc", "&limit=-1", "&offset=abc", "&offset=-1", "&sort_key=bogus",
    "&sort_dir=sideways",
)
SINCE = ("&created_since=2000-01-01T00:00:00", "&created_before=2000-01-01T00:00:00",
         "&created_since=2999-01-01", "&created_before=2999-01-01T00:00:00Z",
         "&created_since=bogus", "&created_before=2000-13-01")


def message_filters(mv: str) -> list[Step]:
    type_name = f"mfl-{TOKEN}-{MV}"
    steps = [
        # No pool reports vendor_name=foobar: the scheduler fails the share.
        create_type(mv, type_name, vendor_name="foobar"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "share_type": type_name,
                             "name": type_name}},
             save={"share": "share.id"},
             wait=Wait(SHOW, ("available", "error"), via=("creating",)),
             ignore=PLACEMENT | {"status"}),
        Step("demo", "GET", MESSAGES,
             save={"detail": "messages.0.detail_id", "request": "messages.0.request_id"}),
    ]
    for query in MESSAGE_FILTERS:
        steps += [Step(actor, "GET", MESSAGES + query)
                  for actor in ("demo", "reader", "alt_demo")]
        steps.append(Step("admin", "GET", MESSAGES + query + "&all_tenants=1"))
    steps += [Step("demo", "GET", MESSAGES + query) for query in MESSAGE_MALFORMED]
    steps += [Step("demo", "GET", MESSAGES + query, note="2.52 filters" if at_least(
        mv, "2.52") else "before 2.52") for query in SINCE]
    steps += [
        Step("demo", "GET", "/messages?resource_id=" + MISSING),
        Step("demo", "GET", "/messages/" + MISSING),
        Step("demo", "GET", "/messages/bogus"),
        Step("demo", "GET", MESSAGES, version="2.36", note="before 2.37"),
        delete_share(),
        Step("admin", "DELETE", "/types/{type}"),
    ]
    return steps
