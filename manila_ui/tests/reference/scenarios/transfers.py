"""Share transfers (2.77): offer a share, accept it from another project, cancel."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share
from manila_ui.tests.reference.scenarios.types import TYPE
from manila_ui.tests.reference.scenarios.types import create_type

TRANSFER = "/share-transfers/{transfer}"
# The key is random on each side; the transfer's own fields are compared.
SECRET = frozenset({"auth_key"})


def _offer(name: str, save: str) -> Step:
    return Step("demo", "POST", "/share-transfers",
                body={"transfer": {"share_id": "{share}", "name": name}},
                save={save: "transfer.id", f"{save}_key": "transfer.auth_key"}, ignore=SECRET)


def _accept(actor: str, key: str, note: str, transfer: str = TRANSFER) -> Step:
    return Step(actor, "POST", transfer + "/accept", body={"accept": {"auth_key": key}},
                note=note)


def transfers(mv: str) -> list[Step]:
    name = f"xfer-{TOKEN}-{MV}"
    access = {"addProjectAccess": {"project": "{project:demo}"}}
    return [
        # A share of a private type demo may use; alt_demo may not, at first.
        create_type(mv, f"xfertype-{TOKEN}-{MV}", public=False),
        Step("admin", "POST", TYPE + "/action", body=access),
        create_share(name, share_type="{type}"),
        Step("demo", "POST", "/share-transfers", version="2.76",
             body={"transfer": {"share_id": "{share}"}}, note="before 2.77"),
        Step("demo", "POST", "/share-transfers", body={"transfer": {"share_id": MISSING}}),
        Step("demo", "POST", "/share-transfers", body={"transfer": {"name": "no share"}}),
        Step("reader", "POST", "/share-transfers", body={"transfer": {"share_id": "{share}"}}),
        _offer(name, "transfer"),
        Step("demo", "GET", SHOW, ignore=PLACEMENT, note="awaiting transfer"),
        Step("demo", "POST", "/share-transfers", body={"transfer": {"share_id": "{share}"}},
             note="offered already"),
        Step("demo", "GET", TRANSFER),
        Step("demo", "GET", f"/share-transfers?name={name}"),
        Step("demo", "GET", f"/share-transfers/detail?name={name}"),
        Step("reader", "GET", TRANSFER),
        Step("alt_demo", "GET", TRANSFER),
        Step("admin", "GET", f"/share-transfers/detail?all_tenants=1&name={name}"),
        Step("demo", "DELETE", SHOW, note="while offered"),
        _accept("alt_demo", "0123456789abcdef", "a wrong key"),
        Step("alt_demo", "POST", TRANSFER + "/accept", body={"accept": {}}, note="no key"),
        _accept("alt_demo", "{transfer_key}", "a private type without access"),
        _accept("alt_demo", "x", "a missing transfer", f"/share-transfers/{MISSING}"),
        Step("admin", "POST", TYPE + "/action",
             body={"addProjectAccess": {"project": "{project:alt_demo}"}}),
        _accept("alt_demo", "{transfer_key}", "with access to the type"),
        Step("alt_demo", "GET", SHOW, ignore=PLACEMENT, note="the new owner"),
        Step("demo", "GET", SHOW, note="the old owner"),
        Step("demo", "GET", TRANSFER, note="accepted"),
        _accept("alt_demo", "{transfer_key}", "again"),
        # The new owner offers it back and thinks better of it.
        Step("alt_demo", "POST", "/share-transfers",
             body={"transfer": {"share_id": "{share}", "name": name}},
             save={"back": "transfer.id"}, ignore=SECRET),
        Step("demo", "DELETE", "/share-transfers/{back}", note="not the owner"),
        Step("alt_demo", "DELETE", "/share-transfers/{back}",
             wait=Wait(SHOW, ("available",), via=("awaiting_transfer",))),
        Step("alt_demo", "GET", "/share-transfers/{back}", note="cancelled"),
        delete_share(actor="alt_demo"),
        Step("admin", "DELETE", TYPE),
    ]
