"""``/services`` (``/os-services`` before 2.7): the list and its filters, a back
end disabled with a reason (2.83) and enabled again, a share for its zone that
finds no pool meanwhile and lands there once it is back, ensure shares (2.86,
the ``ensuring`` filter of 2.93), and what each of them refuses.

Host names differ between the sides (``realmanila@beta`` / ``manila-ui@beta``):
steps find the second zone's share service first and address it by the host
saved from there. Service ids are integers of each database: not compared.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import delete_share

ID = frozenset({"id"})
FILTERS = (
    "binary=manila-share", "binary=manila-scheduler", "binary=manila-api", "zone=nova-2",
    "zone=nowhere", "state=up", "state=down", "status=enabled", "status=disabled",
    "status=bogus", "topic=manila-share", "host=", "foo=bar", "disabled=false",
    "ensuring=false", "ensuring=true", "ensuring=bogus", "ensuring=",
    "binary=manila-share&zone=nova",
)
SHARE = "manila-share"


def _beta(**body: object) -> dict[str, object]:
    """A body naming the second zone's share service (its host saved earlier)."""
    return {"host": "{beta}", "binary": SHARE, **body}


def _share_in_beta(prefix: str, until: tuple[str, ...]) -> Step:
    return Step("demo", "POST", "/shares",
                body={"share": {"share_proto": "NFS", "size": 1,
                                "availability_zone": "nova-2",
                                "name": f"{prefix}-{TOKEN}-{MV}"}},
                save={"share": "share.id"},
                wait=Wait("/shares/{share}", until, via=("creating",)),
                # The scheduler may fail it before Manila answers: a race.
                ignore=PLACEMENT | {"status"})


def services(mv: str) -> list[Step]:
    url = "/services" if at_least(mv, "2.7") else "/os-services"
    other = "/os-services" if at_least(mv, "2.7") else "/services"
    steps = [
        Step("admin", "GET", url, ignore=ID, unordered=True),
        Step("admin", "GET", other, note="the URL of other microversions"),
        Step("demo", "GET", url),
        Step("reader", "GET", url),
        Step("admin", "GET", url + "?binary=manila-share&zone=nova-2", ignore=ID,
             save={"beta": "services.0.host"}),
    ]
    steps += [Step("admin", "GET", f"{url}?{query}", ignore=ID, unordered=True)
              for query in FILTERS]
    steps += [Step("admin", "GET", url + "?host={beta}", ignore=ID)]
    reason = {"disabled_reason": f"maintenance {TOKEN}"}
    refusals = [
        Step("admin", "PUT", url + "/frob", body=_beta(), note="unknown action"),
        Step("admin", "PUT", url + "/disable", body={"host": "{beta}"}, note="no binary"),
        Step("admin", "PUT", url + "/disable", body={"binary": SHARE}, note="no host"),
        Step("admin", "PUT", url + "/disable", body={"host": "nowhere", "binary": SHARE}),
        Step("admin", "PUT", url + "/disable",
             body={"host": "{beta}", "binary": "manila-scheduler"}, note="wrong binary"),
        Step("demo", "PUT", url + "/disable", body=_beta()),
    ]
    if at_least(mv, "2.83"):
        refusals += [
            Step("admin", "PUT", url + "/disable",
                 body=_beta(disabled_reason="x" * 256), note="long reason"),
            Step("admin", "PUT", url + "/disable",
                 body=_beta(disabled_reason="   "), note="blank reason"),
        ]
        disable = Step("admin", "PUT", url + "/disable", body=_beta(**reason))
    else:
        refusals.append(Step("admin", "PUT", url + "/disable",
                             body=_beta(**reason), note="reason too early"))
        disable = Step("admin", "PUT", url + "/disable", body=_beta())
    steps += refusals + [
        disable,
        Step("admin", "GET", url + "?host={beta}", ignore=ID),
        Step("admin", "GET", url + "?status=disabled", ignore=ID),
        # A share for the disabled back end's zone: no pool there.
        _share_in_beta("svc", ("available", "error")),
        # Manila's pool list is its scheduler's cache, refreshed when it places a
        # share: compared once the create above did.
        Step("admin", "GET", "/scheduler-stats/pools?backend=beta",
             note="a disabled back end's pool"),
        delete_share(),
        Step("admin", "PUT", url + "/disable", body=_beta(),
             note="again, without a reason"),
        Step("admin", "GET", url + "?host={beta}", ignore=ID, note="the reason kept"),
        Step("admin", "PUT", url + "/enable", body=_beta()),
        Step("admin", "GET", url + "?host={beta}", ignore=ID, note="enabled"),
    ]
    if at_least(mv, "2.86"):
        steps += ensure_shares(mv)
    else:
        steps.append(Step("admin", "POST", "/services/ensure-shares",
                          body={"ensure_shares": {"host": "{beta}"}},
                          note="before ensure shares"))
    # Enabled again: a share for its zone lands there.
    return steps + [_share_in_beta("back", ("available",)), delete_share()]


def ensure_shares(mv: str) -> list[Step]:
    """Ensure shares on the second zone's back end, and its refusals.

    Manila casts the work to the back end and its dummy driver is done at once:
    no state in between can be waited for, so this runs before the scenario puts
    a share there (the bundled backend's ``ensuring`` state is tested in
    tests/backend/test_services.py)."""
    ensure = "/services/ensure-shares"
    steps = [
        Step("admin", "POST", ensure, body={"ensure_shares": {"host": "nowhere"}}),
        Step("admin", "POST", ensure, body={"ensure_shares": {}}, note="no host"),
        Step("admin", "POST", ensure, body={"ensure_shares": {"host": 1}}, note="host a number"),
        Step("admin", "POST", ensure,
             body={"ensure_shares": {"host": "{beta}", "x": 1}}, note="an extra key"),
        Step("admin", "POST", ensure, body={"host": "{beta}"}, note="no ensure_shares"),
        Step("demo", "POST", ensure, body={"ensure_shares": {"host": "{beta}"}}),
    ]
    if at_least(mv, "2.93"):
        steps.append(Step("admin", "GET", "/services?ensuring=false&binary=manila-share",
                          ignore=ID, unordered=True))
    return steps + [
        Step("admin", "POST", ensure, body={"ensure_shares": {"host": "{beta}"}}),
        Step("admin", "GET", "/services?host={beta}", ignore=ID | {"ensuring"},
             note="ensuring", wait=Wait("/services?host={beta}", ("False",), via=("True",),
                                        status="services.0.ensuring")),
    ]
