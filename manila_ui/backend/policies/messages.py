"""User message rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

GET = "message:get"
GET_ALL = "message:get_all"
DELETE = "message:delete"

rules = [
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Show a user message.",
                    [("GET", "/messages/{message_id}")]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "List user messages.",
                    [("GET", "/messages"), ("GET", "/messages?{query}")]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a user message.", [("DELETE", "/messages/{message_id}")]),
]
