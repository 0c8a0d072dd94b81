"""``/types[/detail]`` filters (``is_public``, ``extra_specs`` from 2.43) alone and
combined, with valid, unknown and malformed values, as admin and the users it
ignores them for; extra specs: reading and deleting required, optional and
missing specs, and the refusals on a missing or private type.

The listings hold every type of the cloud (other runs' leftovers on the
reference): a filter alone compares status, fault and key sets; scoped by a spec
unique to the run (``fid:<tok>``) it compares the types found.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.types import TYPE
from manila_ui.tests.reference.scenarios.types import create_type

VERSIONS = ("2.0", "2.42", "2.43", "2.46", "2.99")
SPEC = f"fid:{TOKEN}"
IS_PUBLIC = ("true", "false", "all", "ALL", "TRUE", "0", "1", "no", "bogus", "")
UNKNOWN = ("name=default", "description=x", "foo=bar", "limit=1", "offset=abc",
           "sort_key=bogus")
EXTRA_SPECS = (
    f"extra_specs={{'{SPEC}':'x'}}", f"extra_specs={{'{SPEC}':'y'}}",
    f"extra_specs={{'{SPEC}':'X'}}", f"extra_specs={{'{SPEC}':'x','snapshot_support':'True'}}",
    f"extra_specs={{'{SPEC}':'x','snapshot_support':'true'}}",
    f"extra_specs={{'{SPEC}':'x','driver_handles_share_servers':'false'}}",
    f"extra_specs={{'{SPEC}':'x','snapshot_support':'False'}}",
    f"extra_specs={{'{SPEC}':'z','availability_zones':'nova'}}",
    f"extra_specs={{'{SPEC}':'z','availability_zones':'nova,nova-2'}}",
    f"extra_specs={{'{SPEC}':'z','availability_zones':'nowhere'}}",
    f"extra_specs={{'availability_zones':'nowhere','{SPEC}':'z'}}",
)
MALFORMED_SPECS = ("extra_specs=notadict", "extra_specs={'a'", "extra_specs=['a']",
                   "extra_specs={}", "extra_specs=")
IGNORE = frozenset({"created_at", "updated_at"})


def type_filters(mv: str) -> list[Step]:
    steps = [
        create_type(mv, f"fpub-{TOKEN}", save="pub", snapshot_support="True",
                    **{SPEC: "x"}),
        create_type(mv, f"fpriv-{TOKEN}", save="priv", public=False, **{SPEC: "y"}),
        create_type(mv, f"fzone-{TOKEN}", save="zone", availability_zones="nova,nova-2",
                    **{SPEC: "z"}),
        create_type(mv, f"fany-{TOKEN}", save="any", **{SPEC: "z"}),
    ]
    for actor in ("demo", "reader", "admin"):
        steps += [Step(actor, "GET", f"/types?is_public={value}", values=False)
                  for value in IS_PUBLIC]
        steps += [Step(actor, "GET", f"/types?{query}", values=False) for query in UNKNOWN]
        steps.append(Step(actor, "GET", "/types/detail?is_public=all", values=False))
        for query in EXTRA_SPECS:
            steps += [Step(actor, "GET", f"/types?{query}{public}", ignore=IGNORE,
                           unordered=True)
                      for public in ("", "&is_public=all", "&is_public=false")]
        steps += [Step(actor, "GET", f"/types?{query}", values=False)
                  for query in MALFORMED_SPECS]
    steps += [
        Step("admin", "DELETE", "/types/{pub}"),
        Step("admin", "DELETE", "/types/{priv}"),
        Step("admin", "DELETE", "/types/{zone}"),
        Step("admin", "DELETE", "/types/{any}"),
    ]
    return steps


def spec_refusals(mv: str) -> list[Step]:
    specs = TYPE + "/extra_specs"
    missing = f"/types/{MISSING}/extra_specs"
    steps = [
        create_type(mv, f"fspec-{TOKEN}", snapshot_support="True",
                    create_share_from_snapshot_support="False", **{SPEC: "v"}),
        create_type(mv, f"fspecp-{TOKEN}", save="priv", public=False),
    ]
    for key in ("driver_handles_share_servers", "snapshot_support",
                "create_share_from_snapshot_support", SPEC, "nokey"):
        steps += [Step(actor, "GET", f"{specs}/{key}")
                  for actor in ("admin", "demo", "reader")]
    steps += [
        Step("demo", "GET", specs),
        Step("demo", "GET", "/types/{priv}/extra_specs", note="private, no access"),
        Step("demo", "GET", "/types/{priv}/extra_specs/driver_handles_share_servers",
             note="private, no access"),
        Step("admin", "GET", missing),
        Step("admin", "GET", missing + "/driver_handles_share_servers"),
        Step("admin", "DELETE", missing + "/snapshot_support"),
        Step("admin", "POST", missing, body={"extra_specs": {"k": "v"}}),
        Step("admin", "PUT", missing + "/k", body={"k": "v"}),
        Step("demo", "DELETE", f"{specs}/snapshot_support"),
        Step("reader", "DELETE", f"{specs}/snapshot_support"),
        Step("demo", "PUT", f"{specs}/{SPEC}", body={SPEC: "w"}),
        Step("admin", "DELETE", f"{specs}/driver_handles_share_servers"),
        Step("admin", "DELETE", f"{specs}/nokey"),
        Step("admin", "PUT", f"{specs}/driver_handles_share_servers",
             body={"driver_handles_share_servers": "maybe"}),
        Step("admin", "PUT", f"{specs}/driver_handles_share_servers",
             body={"driver_handles_share_servers": "True"}, note="to true"),
        Step("admin", "PUT", f"{specs}/snapshot_support", body={"snapshot_support": "nah"}),
        Step("admin", "POST", specs, body={"extra_specs": "text"}, note="not an object"),
        Step("admin", "POST", specs, body={"specs": {"k": "v"}}, note="no extra_specs key"),
        Step("admin", "POST", specs, body={"extra_specs": {"k" * 256: "v"}}, note="long key"),
        Step("admin", "POST", specs, body={"extra_specs": {"k": "v" * 256}},
             note="long value"),
        Step("admin", "POST", specs, body={"extra_specs": {}}, note="empty"),
        Step("admin", "PUT", f"{specs}/k", body={"k": "v", "j": "w"}, note="two keys"),
        Step("admin", "DELETE", f"{specs}/snapshot_support"),
        Step("admin", "GET", f"{specs}/snapshot_support", note="after its deletion"),
        Step("admin", "DELETE", f"{specs}/create_share_from_snapshot_support"),
        Step("admin", "DELETE", f"{specs}/{SPEC}"),
        Step("admin", "DELETE", f"{specs}/{SPEC}", note="again"),
        Step("admin", "GET", specs, note="after the deletions"),
        Step("demo", "GET", TYPE, note="after the deletions"),
        Step("admin", "DELETE", TYPE),
        Step("admin", "GET", specs, note="type deleted"),
        Step("admin", "DELETE", "/types/{priv}"),
    ]
    if at_least(mv, "2.24"):
        steps.insert(-3, Step("admin", "DELETE", f"{specs}/driver_handles_share_servers",
                              note="after the optional specs"))
    return steps
