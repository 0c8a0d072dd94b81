"""Access rules of a share: list, get, allow, deny, change the level (2.88),
metadata (2.45, where squash and priority live, see DESIGN.md).

The list is one call whatever the number of rules: ``GET
/share-access-rules?share_id=`` from 2.45 (asking for the effective order,
which our bundled backend honours and real Manila ignores), the
``access_list`` share action before.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

SQUASH_KEY = "squash"
ANON_KEYS = ("anonuid", "anongid")
PRIORITY_KEY = "priority"
RESERVED_KEYS = (SQUASH_KEY, *ANON_KEYS, PRIORITY_KEY)
PRIORITY_DEFAULT = 100
SETTLED_STATES = ("active", "error")
REDACTED = "******"


class AccessRule(base.ManilaResource):
    _attrs = ("id", "share_id", "access_type", "access_to", "access_level",
              "state", "access_key", "created_at", "updated_at", "metadata")
    id: str
    share_id: str | None
    access_type: str | None
    access_to: str | None
    access_level: str | None
    state: str | None
    access_key: str | None
    created_at: str | None
    metadata: dict[str, str] | None

    @property
    def name_or_id(self) -> str:
        return self.access_to or str(self.id)

    @property
    def restricted(self) -> bool:
        """Its visibility is locked and this user may not lift the lock."""
        return self.access_to == REDACTED

    @property
    def squash(self) -> str | None:
        return (self.metadata or {}).get(SQUASH_KEY)

    def anon_id(self, key: str) -> str | None:
        return (self.metadata or {}).get(key)

    @property
    def priority(self) -> int:
        value = str((self.metadata or {}).get(PRIORITY_KEY, "")).strip()
        return int(value) if value.isdigit() else PRIORITY_DEFAULT

    @property
    def other_metadata(self) -> dict[str, str]:
        return {k: v for k, v in (self.metadata or {}).items()
                if k not in RESERVED_KEYS}

    @property
    def network(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
        if self.access_type != "ip" or self.restricted:
            return None
        try:
            return ipaddress.ip_network(str(self.access_to))
        except ValueError:
            return None

    @property
    def breadth(self) -> int:
        network = self.network
        return network.num_addresses if network is not None else 1

    def order_key(self) -> tuple[int, int, str, str]:
        """Priority, then the most specific range, then the oldest: the
        order our backend applies rules in (DESIGN.md)."""
        return (self.priority, self.breadth, self.created_at or "", str(self.id))


def effective_order(rules: list[AccessRule]) -> list[AccessRule]:
    return sorted(rules, key=AccessRule.order_key)


def access_rule_list(request: Any, share_id: str) -> list[AccessRule]:
    """The share's rules in effective order, in one call."""
    manila = client.manilaclient(request)
    if client.supports(request, "access_rules_list"):
        found = manila.share_access_rules.access_list(
            share_id, search_opts={"sort_key": "priority"})
    else:
        # The legacy action answers namedtuples, not resources.
        found = [rule._asdict() for rule in manila.shares.access_list(share_id)]
    rules = base.wrap_all(AccessRule, found)
    for rule in rules:
        if rule.share_id is None:   # the list view has no share_id
            rule.share_id = share_id
    return effective_order(rules)


def access_rule_get(request: Any, rule_id: str) -> AccessRule:
    """One rule (2.45), e.g. for a row that polls or to reveal a key."""
    return AccessRule.from_resource(
        client.manilaclient(request).share_access_rules.get(rule_id))


def access_rule_create(request: Any, share_id: str, *, access_type: str,
                       access_to: str, access_level: str,
                       metadata: dict[str, str] | None = None,
                       lock_visibility: bool = False, lock_deletion: bool = False,
                       lock_reason: str | None = None) -> AccessRule:
    kwargs: dict[str, Any] = {}
    if metadata and client.supports(request, "access_rules_list"):
        kwargs["metadata"] = metadata
    if client.supports(request, "access_rule_locks"):
        kwargs.update(lock_visibility=lock_visibility, lock_deletion=lock_deletion,
                      lock_reason=lock_reason or None)
    created = client.manilaclient(request).shares.allow(
        share_id, access_type, access_to, access_level, **kwargs)
    base.forget(request)
    return AccessRule.from_resource(created)


def access_rule_delete(request: Any, share_id: str, rule_id: str,
                       unrestrict: bool = False) -> None:
    manila = client.manilaclient(request)
    if unrestrict:
        manila.shares.deny(share_id, rule_id, unrestrict=True)
    else:
        manila.shares.deny(share_id, rule_id)
    base.forget(request)


def access_rule_set_level(request: Any, rule_id: str, level: str) -> None:
    """2.88: the rule goes queued_to_update → updating → active."""
    client.manilaclient(request).share_access_rules.set_access_level(rule_id, level)
    base.forget(request)


def access_rule_update_metadata(request: Any, rule_id: str, *,
                                set_items: dict[str, str],
                                unset_keys: list[str]) -> None:
    """Remove ``unset_keys`` (anon ids before squash, so the rule never
    holds an anon id without its squash mode), then set ``set_items``."""
    manager = client.manilaclient(request).share_access_rules
    order = {key: i for i, key in enumerate((*ANON_KEYS, SQUASH_KEY))}
    removals = sorted(unset_keys, key=lambda key: order.get(key, -1))
    if removals:
        manager.unset_metadata(rule_id, removals)
    if set_items:
        manager.set_metadata(rule_id, set_items)
    base.forget(request)
