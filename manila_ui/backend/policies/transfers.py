"""Share transfer rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

GET_ALL = "share_transfer:get_all"
GET_ALL_TENANT = "share_transfer:get_all_tenant"
CREATE = "share_transfer:create"
GET = "share_transfer:get"
ACCEPT = "share_transfer:accept"
DELETE = "share_transfer:delete"

_TRANSFER = "/share-transfers/{transfer_id}"

rules = [
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "List share transfers.",
                    [("GET", "/share-transfers"), ("GET", "/share-transfers/detail")]),
    base.documented(GET_ALL_TENANT, base.ADMIN,
                    "List the share transfers of every project.",
                    [("GET", "/share-transfers"), ("GET", "/share-transfers/detail")]),
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Offer a share to another project.", [("POST", "/share-transfers")]),
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Show a share transfer.",
                    [("GET", _TRANSFER)]),
    base.documented(ACCEPT, base.ADMIN_OR_PROJECT_MEMBER, "Accept a share transfer.",
                    [("POST", _TRANSFER + "/accept")]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Cancel a share transfer.",
                    [("DELETE", _TRANSFER)]),
]
