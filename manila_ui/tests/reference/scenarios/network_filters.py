"""``/share-networks[/detail]`` and ``/security-services[/detail]``: every list
filter Manila documents, alone and combined, with valid, unknown and malformed
values, as owner, reader, another tenant and admin; the refusals of subnets and
their metadata on a missing network or subnet.

A filter alone meets whatever else the projects hold (an earlier run's leftovers
on the reference): those calls compare status, fault and key sets. Scoped by
the run's token (``name~``, 2.36+, or an exact name) they compare the networks
found, value by value.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import delete_share

VERSIONS = ("2.0", "2.35", "2.36", "2.51", "2.63", "2.78", "2.99")
NETS = "/share-networks"
A, B = f"fa-{TOKEN}", f"fb-{TOKEN}"
# The values the share server's allocation writes on B's subnet (the reference
# stack's standalone network plugin: vlan 1010 on 10.0.0.0/24).
FILTERS = (
    f"name={A}", f"name=FA-{TOKEN}", f"description=alpha%20{TOKEN}%20one", "name~=fa-",
    "description~=alpha", "description~=nomatch", f"description~={TOKEN}",
    f"neutron_net_id=nn-{TOKEN}", f"neutron_subnet_id=ns-{TOKEN}", "neutron_net_id=nope",
    "network_type=vlan", "network_type=flat", "segmentation_id=1010", "segmentation_id=7",
    "cidr=10.0.0.0%2F24", "ip_version=4", "ip_version=6", "gateway=10.0.0.1", "mtu=1500",
    "created_since=2020-01-01", "created_since=2999-01-01", "created_before=2999-01-01",
    "created_before=2020-01-01", "created_since=2020-01-01&created_before=2999-12-31",
    "security_service_id={ss}", f"security_service_id={MISSING}", "nova_net_id=x",
    "id={a}", "status=active", "status=error", "foo=bar", "with_count=true",
    "limit=1", "offset=1", "limit=0", "limit=1&offset=1", "offset=5",
    f"name={A}&description~=beta", f"neutron_net_id=nn-{TOKEN}&created_since=2020-01-01",
)
# Malformed values: the same refusal whatever the scope.
MALFORMED = (
    "created_since=yesterday", "created_before=2020-13-45",
    "created_since=2020-01-01T00:00:00", "limit=abc", "limit=-1", "offset=abc", "offset=-1",
    "segmentation_id=abc", "ip_version=four", "ip_version=4.0",
)
# What only an admin may ask: the member's answer must ignore it, not refuse it.
ADMIN_ONLY = ("all_tenants=1", "all_tenants=0", "all_tenants=bogus", "project_id={project:demo}",
              "project_id={project:alt_demo}", "network_type=vlan", "segmentation_id=1010",
              "segmentation_id=abc")
# Ids differ per database; the list of a filter alone holds other runs' networks.
KEYS_ONLY = frozenset({"id", "name", "description", "created_at", "updated_at"})


def _scope(mv: str) -> str:
    return f"name~={TOKEN}&" if at_least(mv, "2.36") else ""


def _network(name: str, description: str, **extra: str) -> dict[str, dict[str, str]]:
    return {"share_network": {"name": name, "description": description, **extra}}


def share_network_filters(mv: str) -> list[Step]:
    scope = _scope(mv)
    scoped = bool(scope)
    steps = [
        Step("demo", "POST", NETS, save={"a": "share_network.id"}, body=_network(
            A, f"alpha {TOKEN} one", neutron_net_id=f"nn-{TOKEN}",
            neutron_subnet_id=f"ns-{TOKEN}")),
        Step("demo", "POST", NETS, save={"b": "share_network.id"},
             body=_network(B, f"beta {TOKEN}")),
        Step("demo", "POST", "/security-services", save={"ss": "security_service.id"},
             body={"security_service": {"type": "ldap", "name": f"fss-{TOKEN}"}}),
        Step("demo", "POST", NETS + "/{a}/action",
             body={"add_security_service": {"security_service_id": "{ss}"}}),
        # A share on B: its server's allocation fills B's network fields.
        Step("demo", "POST", "/shares", save={"share": "share.id"}, values=False,
             body={"share": {"share_proto": "NFS", "size": 1, "name": f"fnet-{TOKEN}",
                             "share_type": "dhss_true", "share_network_id": "{b}"}},
             wait=Wait("/shares/{share}", ("available", "error"), via=("creating",))),
    ]
    for query in FILTERS:
        steps += [
            Step("demo", "GET", f"{NETS}?{query}", values=False),
            Step("demo", "GET", f"{NETS}/detail?{scope}{query}", values=scoped,
                 unordered=True, ignore=frozenset({"created_at", "updated_at"})),
            Step("admin", "GET", f"{NETS}/detail?all_tenants=1&{scope}{query}",
                 values=scoped, unordered=True,
                 ignore=frozenset({"created_at", "updated_at"})),
        ]
    steps += [Step(actor, "GET", f"{NETS}/detail?{query}", values=False)
              for query in MALFORMED for actor in ("demo", "admin")]
    for query in ADMIN_ONLY:
        steps += [
            Step(actor, "GET", f"{NETS}/detail?{scope}{query}", values=scoped,
                 unordered=True, ignore=frozenset({"created_at", "updated_at"}))
            for actor in ("demo", "reader", "alt_demo", "admin")
        ]
    steps += [
        Step("demo", "GET", f"{NETS}/detail?{scope}limit=1", ignore=KEYS_ONLY,
             note="a page of one"),
        Step("demo", "GET", NETS + "/{a}"),
        Step("demo", "GET", NETS + "/{b}", values=False, note="in use"),
        Step("admin", "GET", NETS + "/{b}", values=False, note="in use"),
        Step("demo", "POST", NETS + "/{a}/action",
             body={"remove_security_service": {"security_service_id": "{ss}"}}),
        delete_share(),
        Step("demo", "DELETE", "/security-services/{ss}"),
        Step("demo", "DELETE", NETS + "/{a}"),
        Step("demo", "DELETE", NETS + "/{b}"),
    ]
    return steps


# -- subnets and their metadata on what is not there ------------------------------------

SUBS = NETS + "/{net}/subnets"


def subnet_refusals(mv: str) -> list[Step]:
    """Subnet calls on a missing network or subnet, another network's subnet, as the
    users they refuse; subnet metadata (2.78) on each of those."""
    missing_net = f"{NETS}/{MISSING}/subnets"
    steps = [
        Step("demo", "POST", NETS, body=_network(f"sr-{TOKEN}", "refusals"),
             save={"net": "share_network.id"}),
        Step("demo", "POST", NETS, body=_network(f"sr2-{TOKEN}", "other"),
             save={"net2": "share_network.id"}),
        Step("demo", "POST", SUBS, body={"share-network-subnet": {"availability_zone": "nova"}},
             save={"sub": "share_network_subnet.id"}),
        Step("demo", "GET", missing_net),
        Step("demo", "GET", f"{missing_net}/{{sub}}"),
        Step("demo", "DELETE", f"{missing_net}/{{sub}}"),
        Step("demo", "POST", missing_net, body={"share-network-subnet": {}}),
        Step("demo", "GET", f"{SUBS}/{MISSING}"),
        Step("demo", "DELETE", f"{SUBS}/{MISSING}"),
        Step("demo", "GET", NETS + "/{net2}/subnets/{sub}", note="another network's subnet"),
        Step("alt_demo", "DELETE", SUBS + "/{sub}"),
        Step("admin", "GET", SUBS + "/{sub}"),
        Step("demo", "POST", SUBS, body={"share-network-subnet": {
            "neutron_net_id": "only-the-net"}}, note="half a neutron pair"),
        Step("demo", "POST", SUBS, body={"share-network-subnet": "text"}, note="not an object"),
        Step("demo", "POST", SUBS, body={}, note="no body key"),
    ]
    if at_least(mv, "2.78"):
        md = SUBS + "/{sub}/metadata"
        for base, note in ((f"{missing_net}/{{sub}}/metadata", "missing network"),
                           (f"{SUBS}/{MISSING}/metadata", "missing subnet"),
                           (NETS + "/{net2}/subnets/{sub}/metadata", "another network's")):
            steps += [
                Step("demo", "GET", base, note=note),
                Step("demo", "POST", base, body={"metadata": {"k": "v"}}, note=note),
                Step("demo", "PUT", base, body={"metadata": {"k": "v"}}, note=note),
                Step("demo", "GET", base + "/k", note=note),
                Step("demo", "PUT", base + "/k", body={"metadata": {"k": "v"}}, note=note),
                Step("demo", "DELETE", base + "/k", note=note),
            ]
        steps += [
            Step("demo", "POST", md, body={"metadata": {"k": "v"}}),
            Step("demo", "GET", md + "/nokey"),
            Step("demo", "DELETE", md + "/nokey"),
            Step("demo", "POST", md + "/k", body={"metadata": {"k": "v2"}}),
            Step("demo", "POST", md + "/k", body={"meta": {"k": "v3"}}, note="meta"),
            Step("demo", "POST", md + "/k", body={"metadata": {"other": "v2"}},
                 note="key and body differ"),
            Step("demo", "POST", md + "/k", body={"metadata": {"k": "v", "j": "w"}},
                 note="two keys"),
            Step("demo", "PUT", md, body={"metadata": {"k": "v4", "j": "w"}}),
            Step("demo", "PUT", md, body={"metadata": {"": "v"}}, note="empty key"),
            Step("demo", "PUT", md + "/k", body={"metadata": {"k": "v2"}}),
            Step("demo", "PUT", md + "/k", body={"metadata": {"other": "v2"}},
                 note="key and body differ"),
            Step("demo", "PUT", md + "/k", body={"metadata": {"k": "v", "j": "w"}},
                 note="two keys"),
            Step("demo", "POST", md, body={"metadata": {"": "v"}}, note="empty key"),
            Step("demo", "POST", md, body={"metadata": {"k" * 256: "v"}}, note="long key"),
            Step("demo", "POST", md, body={"metadata": {"k": "v" * 1024}}, note="long value"),
            Step("demo", "POST", md, body={"metadata": ["k"]}, note="not an object"),
            Step("demo", "POST", md, body={"meta": {"k": "v"}}, note="no metadata key"),
            Step("reader", "POST", md, body={"metadata": {"r": "v"}}),
            Step("reader", "GET", md),
            Step("alt_demo", "GET", md),
            Step("alt_demo", "POST", md, body={"metadata": {"a": "v"}}),
            Step("alt_demo", "DELETE", md + "/k"),
            Step("admin", "GET", md),
            Step("demo", "GET", md, note="after the refusals"),
        ]
    steps += [
        # Manila deletes the subnet whichever network the URL names.
        Step("demo", "DELETE", NETS + "/{net2}/subnets/{sub}",
             note="another network's subnet"),
        Step("demo", "DELETE", SUBS + "/{sub}"),
        Step("demo", "DELETE", NETS + "/{net}"),
        Step("demo", "DELETE", NETS + "/{net2}"),
    ]
    return steps


# -- security services --------------------------------------------------------------

SSS = "/security-services"
SS_FILTERS = (
    "name={name}", "type=ldap", "type=kerberos", "type=bogus", "user=binder",
    "server=ldap.example.org", "dns_ip=10.0.0.2", "domain=example.org", "id={ss}",
    "status=new", "description=differential", "ou=OU%3Dx", "foo=bar",
    "name={name}&type=ldap", "name={name}&type=kerberos", "name={name}&limit=1",
    "name={name}&offset=1", "name={name}&foo=bar",
)
SS_REFUSED = (
    "share_network_id={net}", f"share_network_id={MISSING}", "share_network_id={alt_net}",
    "all_tenants=1", "all_tenants=1&name={name}", "limit=abc", "offset=-1", "limit=-1",
)


def security_service_filters(mv: str) -> list[Step]:
    name = f"sf-{TOKEN}"
    def fill(query: str) -> str:
        return query.replace("{name}", name)
    steps = [
        Step("demo", "POST", SSS, save={"ss": "security_service.id"}, body={
            "security_service": {"type": "ldap", "name": name, "description": "differential",
                                 "dns_ip": "10.0.0.2", "server": "ldap.example.org",
                                 "domain": "example.org", "user": "binder"}}),
        Step("demo", "POST", NETS, body=_network(f"sfn-{TOKEN}", "ss filters"),
             save={"net": "share_network.id"}),
        Step("alt_demo", "POST", NETS, body=_network(f"sfa-{TOKEN}", "alt"),
             save={"alt_net": "share_network.id"}),
        Step("demo", "POST", NETS + "/{net}/action",
             body={"add_security_service": {"security_service_id": "{ss}"}}),
    ]
    for query in SS_FILTERS:
        scoped = "{name}" in query
        for actor in ("demo", "admin"):
            steps.append(Step(actor, "GET", f"{SSS}/detail?{fill(query)}", values=scoped,
                              ignore=frozenset({"created_at", "updated_at"})))
        steps.append(Step("demo", "GET", f"{SSS}?{fill(query)}", values=scoped))
    for query in SS_REFUSED:
        steps += [Step(actor, "GET", f"{SSS}/detail?{fill(query)}", values=False)
                  for actor in ("demo", "reader", "alt_demo", "admin")]
    steps += [
        Step("demo", "POST", NETS + "/{net}/action",
             body={"remove_security_service": {"security_service_id": "{ss}"}}),
        Step("demo", "DELETE", SSS + "/{ss}"),
        Step("demo", "DELETE", NETS + "/{net}"),
        Step("alt_demo", "DELETE", NETS + "/{alt_net}"),
    ]
    return steps
