"""QoS types (2.94) and their specs; a share type naming one, and a share
of that type keeping it."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share
from manila_ui.tests.reference.scenarios.types import create_type

QOS = "/qos-types/{qos}"
SPECS = QOS + "/specs"


def qos_types(mv: str) -> list[Step]:
    name = f"qos-{TOKEN}-{MV}"
    if not at_least(mv, "2.94"):
        return [Step("admin", "GET", "/qos-types"),
                Step("admin", "POST", "/qos-types", body={"qos_type": {"name": name}})]
    create = {"qos_type": {"name": name, "description": "Gold",
                           "specs": {"max_iops": "100", "peak_iops": "200"}}}
    steps = [
        Step("admin", "POST", "/qos-types", body=create, save={"qos": "qos_type.id"}),
        Step("admin", "GET", QOS),
        Step("demo", "GET", QOS),
        Step("reader", "GET", QOS),
        Step("demo", "GET", f"/qos-types/{MISSING}"),
        Step("demo", "GET", f"/qos-types?name={name}"),
        Step("admin", "GET", f"/qos-types?name~={TOKEN}-{MV}&sort_key=name&sort_dir=asc"),
        Step("admin", "GET", f"/qos-types?name={name}&limit=1&offset=0"),
        Step("admin", "GET", "/qos-types?sort_dir=sideways"),
        # What Manila refuses.
        Step("admin", "POST", "/qos-types", body=create, note="the same name"),
        Step("admin", "POST", "/qos-types", body={"qos_type": {"description": "no name"}}),
        Step("admin", "POST", "/qos-types", body={"qos_type": {"name": ""}}, note="empty name"),
        Step("admin", "POST", "/qos-types", body={"type": {"name": name}}),
        Step("admin", "POST", "/qos-types",
             body={"qos_type": {"name": f"int-{TOKEN}", "specs": {"k": 1}}}),
        Step("admin", "POST", "/qos-types",
             body={"qos_type": {"name": f"long-{TOKEN}", "specs": {"k": "v" * 256}}}),
        Step("demo", "POST", "/qos-types", body={"qos_type": {"name": f"member-{TOKEN}"}}),
        Step("admin", "PUT", QOS, body={"qos_type": {"description": "Golden",
                                                     "name": "ignored"}}),
        Step("admin", "PUT", QOS, body={"qos_type": {}}, note="nothing to change"),
        Step("admin", "PUT", QOS, body={"description": "x"}, note="no qos_type key"),
        Step("admin", "PUT", f"/qos-types/{MISSING}", body={"qos_type": {"description": "x"}}),
        Step("demo", "PUT", QOS, body={"qos_type": {"description": "x"}}),
        # Specs.
        Step("admin", "GET", SPECS),
        Step("demo", "GET", SPECS),
        Step("admin", "GET", SPECS + "/max_iops"),
        Step("admin", "GET", SPECS + "/nokey"),
        Step("admin", "GET", f"/qos-types/{MISSING}/specs"),
        Step("admin", "POST", SPECS, body={"specs": {"max_iops": "150", "burst": "on"}}),
        Step("admin", "POST", SPECS, body={"specs": {"a b": "1"}}, note="a bad key name"),
        Step("admin", "POST", SPECS, body={"spec": {"a": "1"}}, note="no specs key"),
        Step("admin", "POST", f"/qos-types/{MISSING}/specs", body={"specs": {"a": "1"}}),
        Step("demo", "POST", SPECS, body={"specs": {"a": "1"}}),
        Step("admin", "PUT", SPECS + "/burst", body={"burst": "off"}),
        Step("admin", "PUT", SPECS + "/burst", body={"other": "off"}, note="mismatch"),
        Step("admin", "PUT", SPECS + "/burst", body={"burst": "off", "x": "y"},
             note="too many"),
        Step("admin", "PUT", SPECS + "/burst", body={}, note="empty"),
        Step("admin", "DELETE", SPECS + "/burst"),
        Step("admin", "DELETE", SPECS + "/burst", note="already gone"),
        Step("demo", "DELETE", SPECS + "/peak_iops"),
        Step("admin", "GET", QOS, note="after the spec changes"),
        # A share type names the QoS type; a share of it keeps the QoS type.
        create_type(mv, f"qostype-{TOKEN}-{MV}", default_qos_type=name),
        create_type(mv, f"noqos-{TOKEN}-{MV}", save="noqos", default_qos_type="no-such-qos"),
        Step("admin", "POST", "/types",
             body={"share_type": {"name": f"longqos-{TOKEN}", "extra_specs": {
                 "driver_handles_share_servers": "False", "default_qos_type": "q" * 256}}},
             note="a QoS type name too long"),
        create_share(f"qosshare-{TOKEN}-{MV}", share_type=f"qostype-{TOKEN}-{MV}"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1,
                             "share_type": f"noqos-{TOKEN}-{MV}"}},
             note="a QoS type that does not exist", ignore=PLACEMENT),
        Step("admin", "DELETE", QOS, note="in use"),
        delete_share(),
        Step("admin", "DELETE", "/types/{type}"),
        Step("admin", "DELETE", "/types/{noqos}"),
        Step("demo", "DELETE", QOS),
        Step("admin", "DELETE", QOS),
        Step("admin", "DELETE", QOS, note="already gone"),
        Step("admin", "GET", QOS, note="deleted"),
    ]
    return steps
