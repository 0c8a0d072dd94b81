"""The Add Rule form's checks: the same rules, and the same words, as the
bundled backend and Manila 23 apply (manila_ui/backend/services/
access_rules.py; the UI may not import the backend, a test keeps the two
in step), so a bad rule is a field error before any API call.
manila_ui.share_rules.js repeats them in the browser."""

from __future__ import annotations

import ipaddress
import re
import string

ACCESS_TYPES = ("ip", "user", "cert", "cephx")
SQUASH_MODES = ("no_root_squash", "root_squash", "all_squash")
ANON_MAX = 2 ** 32 - 2
PRIORITY_MIN, PRIORITY_MAX = 1, 200

_ONLY_PERIODS_OR_SPACES = re.compile(r"[\s|\.]+$")
_USER_NAME = re.compile(r".[^\"\/\\\[\]\:\;\|\=\,\+\*\?\<\>]{3,254}$")
# Several addresses in one field: commas, semicolons or white space.
_SEPARATORS = re.compile(r"[\s,;]+")


def access_to_error(access_type: str, access_to: str, *, enable_ceph: bool = True,
                    enable_ipv6: bool = True) -> str | None:
    """Why Manila would refuse this rule, in Manila's words, or None."""
    if access_type == "ip":
        try:
            if enable_ipv6:
                ipaddress.ip_network(access_to)
            else:
                ipaddress.IPv4Network(access_to)
        except ValueError as exc:
            return str(exc)
        return None
    if access_type == "user":
        if _ONLY_PERIODS_OR_SPACES.match(access_to):
            return ("Invalid user or group name,cannot consist solely of periods "
                    "or spaces.")
        if not _USER_NAME.match(access_to):
            return ("Invalid user or group name. Must be 4-255 characters and "
                    "consist of alphanumeric characters and exclude special "
                    "characters \"/\\[]:;|=,+*?<>")
        return None
    if access_type == "cert":
        if not 0 < len(access_to.strip()) < 65:
            return "Invalid CN (common name). Must be 1-64 chars long."
        return None
    if access_type == "cephx" and enable_ceph:
        if not access_to:
            return "Ceph IDs may not be empty."
        if not set(access_to) <= set(string.printable):
            return "Ceph IDs must consist of ASCII printable characters."
        if "." in access_to:
            return "Ceph IDs may not contain periods."
        return None
    if enable_ceph:
        return "Only 'ip', 'user', 'cert' or 'cephx' access types are supported."
    return "Only 'ip', 'user' or 'cert' access types are supported."


def split_addresses(text: str) -> list[str]:
    """The CIDRs of an ip field that may hold several, in order, once each."""
    seen: list[str] = []
    for item in _SEPARATORS.split(text.strip()):
        if item and item not in seen:
            seen.append(item)
    return seen
