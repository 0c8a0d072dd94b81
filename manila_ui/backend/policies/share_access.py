"""Access rule rules (names and defaults as in Manila 23).  Allowing and
denying are ``share:allow_access`` / ``share:deny_access`` (shares.py);
listing through the share is ``share:access_get_all``."""

from __future__ import annotations

from manila_ui.backend.policies import base

GET = "share_access_rule:get"
INDEX = "share_access_rule:index"
UPDATE = "share_access_rule:update"
METADATA_UPDATE = "share_access_metadata:update"
METADATA_DELETE = "share_access_metadata:delete"

_RULE = "/share-access-rules/{share_access_id}"

rules = [
    base.documented(GET, base.ADMIN_OR_PROJECT_READER,
                    "Get details of a share access rule.", [("GET", _RULE)]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "List the access rules of a share.",
                    [("GET", "/share-access-rules?share_id={share_id}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Update the access level of a share access rule.",
                    [("PUT", _RULE)]),
    base.documented(METADATA_UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Set access rule metadata.", [("PUT", _RULE + "/metadata")]),
    base.documented(METADATA_DELETE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete access rule metadata.",
                    [("DELETE", _RULE + "/metadata/{key}")]),
]
