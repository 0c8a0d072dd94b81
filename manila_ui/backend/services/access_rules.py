"""What makes an access rule valid, and the order rules take effect in.

``access_to`` is checked as Manila 23 checks it (``validate_access`` and
friends in manila/api/common.py), with its messages, quirks included: the
first character of a user name is never checked, and a duplicate IPv6
rule spelt differently is not a duplicate.

Our extension (DESIGN.md, "Access rules with squash attributes and
ordering") lives in reserved rule-metadata keys: ``squash``, ``anonuid``,
``anongid`` and ``priority``.  They are checked here; whether the share
may use squash at all is the service's question (it needs the share's
type and pool).
"""

from __future__ import annotations

import dataclasses
import datetime
import ipaddress
import re
import string
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Protocol
from typing import TypeVar

from manila_ui.backend.services import errors
from manila_ui.backend.types.values import decimal
from manila_ui.backend.types.values import echo

ACCESS_TYPES = ("ip", "user", "cert", "cephx")
ACCESS_LEVELS = ("rw", "ro")
SQUASH_MODES = ("no_root_squash", "root_squash", "all_squash")
SQUASH_KEY = "squash"
ANON_KEYS = ("anonuid", "anongid")
PRIORITY_KEY = "priority"
RESERVED_KEYS = (SQUASH_KEY, *ANON_KEYS, PRIORITY_KEY)
PRIORITY_MIN, PRIORITY_MAX, PRIORITY_DEFAULT = 1, 200, 100
ANON_MAX = 2 ** 32 - 2       # 2^32-1 is (uid_t)-1, "no id"
SQUASH_SPEC = "squash_support"

_ONLY_PERIODS_OR_SPACES = re.compile(r"[\s|\.]+$")
# Manila's pattern: any first character, then 3-254 allowed ones.
_USER_NAME = re.compile(r".[^\"\/\\\[\]\:\;\|\=\,\+\*\?\<\>]{3,254}$")


def check_ip(access_to: object, enable_ipv6: bool) -> None:
    try:
        if enable_ipv6:
            ipaddress.ip_network(str(access_to))
        else:
            ipaddress.IPv4Network(str(access_to))
    except ValueError as exc:
        raise errors.Invalid(str(exc)) from None


def check_user(access_to: str) -> None:
    if _ONLY_PERIODS_OR_SPACES.match(access_to):
        raise errors.Invalid("Invalid user or group name,cannot consist solely "
                             "of periods or spaces.")
    if not _USER_NAME.match(access_to):
        raise errors.Invalid(
            "Invalid user or group name. Must be 4-255 characters and consist of "
            "alphanumeric characters and exclude special characters "
            "\"/\\[]:;|=,+*?<>")


def check_cert(access_to: str) -> None:
    if not 0 < len(access_to.strip()) < 65:
        raise errors.Invalid("Invalid CN (common name). Must be 1-64 chars long.")


def check_cephx(access_to: str) -> None:
    if not access_to:
        raise errors.Invalid("Ceph IDs may not be empty.")
    if not set(access_to) <= set(string.printable):
        raise errors.Invalid("Ceph IDs must consist of ASCII printable characters.")
    if "." in access_to:
        raise errors.Invalid("Ceph IDs may not contain periods.")


def check_access(access_type: object, access_to: object, *, enable_ceph: bool,
                 enable_ipv6: bool) -> None:
    """Manila's ``validate_access``: 400 with its message when bad."""
    if access_type == "ip":
        check_ip(access_to, enable_ipv6)
        return
    if access_type in ("user", "cert") or (access_type == "cephx" and enable_ceph):
        if not isinstance(access_to, str):
            raise errors.Invalid("Malformed request body")
        {"user": check_user, "cert": check_cert, "cephx": check_cephx}[
            str(access_type)](access_to)
        return
    if enable_ceph:
        raise errors.Invalid("Only 'ip', 'user', 'cert' or 'cephx' access types "
                             "are supported.")
    raise errors.Invalid("Only 'ip', 'user' or 'cert' access types are supported.")


def check_level(access_level: object) -> str:
    """The level to store (omitted: ``rw``, Manila's model default)."""
    if access_level is None:
        return "rw"
    if access_level not in ACCESS_LEVELS:
        raise errors.Invalid(
            f"Invalid access rule: Invalid share access level: {access_level}.")
    return str(access_level)


def is_duplicate(access_type: str, access_to: str, existing_type: str,
                 existing_to: str) -> bool:
    """Manila's duplicate test: ip rules are the same network (after a
    prefix match on the text, so ``2001:0db8::/64`` differs from
    ``2001:db8::/64``); other types match exactly."""
    if access_type != existing_type:
        return False
    if access_type != "ip":
        return access_to == existing_to
    if not existing_to.startswith(access_to.split("/")[0]):
        return False
    try:
        return ipaddress.ip_network(access_to) == ipaddress.ip_network(existing_to)
    except ValueError:
        return False


# -- our extension: squash and priority ----------------------------------------

def _bad(text: str) -> errors.Invalid:
    return errors.Invalid(f"Invalid access rule metadata: {text}")


@dataclasses.dataclass(frozen=True)
class Attributes:
    squash: str | None = None
    anonuid: int | None = None
    anongid: int | None = None
    priority: int = PRIORITY_DEFAULT

    @property
    def uses_squash(self) -> bool:
        return self.squash is not None or self.anonuid is not None \
            or self.anongid is not None


def _integer(key: str, value: str, low: int, high: int) -> int:
    number = decimal(value, low, high)
    if number is None:
        raise _bad(f"{key} must be an integer from {low} to {high}, not '{echo(value)}'.")
    return number


def attributes(metadata: Mapping[str, str]) -> Attributes:
    """Parse and check the reserved keys of a rule's metadata."""
    squash = metadata.get(SQUASH_KEY)
    if squash is not None and squash not in SQUASH_MODES:
        raise _bad(f"squash must be one of {', '.join(SQUASH_MODES)}, not '{squash}'.")
    anon: dict[str, int | None] = {}
    for key in ANON_KEYS:
        value = metadata.get(key)
        anon[key] = _integer(key, value, 0, ANON_MAX) if value is not None else None
        if value is not None and squash not in ("root_squash", "all_squash"):
            raise _bad(f"{key} needs squash=root_squash or squash=all_squash "
                       "(it names the anonymous user squashed ids become).")
    priority = metadata.get(PRIORITY_KEY)
    return Attributes(
        squash=squash, anonuid=anon["anonuid"], anongid=anon["anongid"],
        priority=(_integer(PRIORITY_KEY, priority, PRIORITY_MIN, PRIORITY_MAX)
                  if priority is not None else PRIORITY_DEFAULT))


def lenient_attributes(metadata: Mapping[str, str]) -> Attributes:
    """The attributes of a stored rule (checked when they were set)."""
    try:
        return attributes(metadata)
    except errors.Invalid:
        return Attributes()


def squash_supported(type_specs: Mapping[str, str]) -> bool:
    value = str(type_specs.get(SQUASH_SPEC, "")).strip().lower()
    return value.removeprefix("<is>").strip() in ("true", "1", "yes", "on", "t", "y")


def check_squash_allowed(attrs: Attributes, *, access_type: str, share_proto: str,
                         type_name: str | None, type_specs: Mapping[str, str],
                         pool_name: str | None, pool_modes: Iterable[str]) -> None:
    """A squash attribute the share cannot honour is a 400 naming why,
    never silently dropped."""
    if not attrs.uses_squash:
        return
    if access_type != "ip":
        raise _bad("squash applies to ip rules only (it is an NFS export option).")
    if share_proto.upper() != "NFS":
        raise _bad(f"squash applies to NFS shares only, not {share_proto}.")
    if not squash_supported(type_specs):
        raise _bad(f"squash is not supported for this share: its share type "
                   f"'{type_name or '-'}' does not have {SQUASH_SPEC}=True.")
    modes = list(pool_modes)
    mode = attrs.squash or "root_squash"
    if mode not in modes:
        raise _bad(f"squash '{mode}' is not supported by the share's pool "
                   f"{pool_name or '(none yet)'} (it supports: "
                   f"{', '.join(modes) or 'none'}).")


# -- the effective order -------------------------------------------------------

class Orderable(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def access_type(self) -> str: ...
    @property
    def access_to(self) -> str: ...
    @property
    def metadata(self) -> dict[str, str]: ...
    @property
    def created_at(self) -> datetime.datetime: ...


R = TypeVar("R", bound=Orderable)


def breadth(access_type: str, access_to: str) -> int:
    """How many addresses a rule covers (1 for a named principal): fewer
    is more specific."""
    if access_type != "ip":
        return 1
    try:
        return ipaddress.ip_network(access_to).num_addresses
    except ValueError:
        return 1


def order_key(rule: Orderable) -> tuple[int, int, datetime.datetime, str]:
    return (lenient_attributes(rule.metadata).priority,
            breadth(rule.access_type, rule.access_to), rule.created_at, rule.id)


def effective_order(rules: Iterable[R]) -> list[R]:
    """Priority (lower first), then the most specific range, then the
    oldest rule: the order the back end applies them in."""
    return sorted(rules, key=order_key)
