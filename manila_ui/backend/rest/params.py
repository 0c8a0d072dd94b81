"""Query-parameter parsing shared by the list handlers (Manila's rules and
messages)."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Mapping

from manila_ui.backend.rest import faults
from manila_ui.backend.types.values import INT64_MAX

_TRUE = ("1", "t", "true", "on", "y", "yes")
_FALSE = ("0", "f", "false", "off", "n", "no")


def strict_bool(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise faults.BadRequest(
        f"Invalid value {value} for {name}. Expecting a boolean.")


def pagination(params: Mapping[str, str], max_limit: int) -> tuple[int | None, int]:
    """(limit or None, offset) after Manila's checks."""
    try:
        offset = int(params.get("offset", 0))
    except ValueError:
        raise faults.BadRequest("offset param must be an integer") from None
    limit: int | None = None
    if "limit" in params:
        try:
            limit = int(params["limit"])
        except ValueError:
            raise faults.BadRequest("limit param must be an integer") from None
        if limit < 0:
            raise faults.BadRequest("limit param must be positive")
        limit = min(limit, max_limit)
    if offset < 0:
        raise faults.BadRequest("offset param must be positive")
    # Beyond every row, as Manila answers (and what the database holds).
    return limit, min(offset, INT64_MAX)


def types_is_public(params: Mapping[str, str], is_admin: bool) -> bool | None:
    """Manila's ``is_public`` of a (share or group) type list: admins may ask
    for private types (False) or all (``all``: None); others see public ones."""
    value = params.get("is_public")
    if not is_admin or value is None:
        return True
    if value.lower() == "all":
        return None
    try:
        return strict_bool(value, "is_public")
    except faults.BadRequest:
        raise faults.BadRequest(f"Invalid is_public filter [{value}]") from None


def all_tenants(params: Mapping[str, str]) -> bool:
    """``all_tenants`` (even empty) asks for every project; a value must be
    a boolean."""
    if "all_tenants" not in params:
        return False
    value = params["all_tenants"]
    if value == "":
        return True
    try:
        return strict_bool(value, "all_tenants")
    except faults.BadRequest as exc:
        raise faults.BadRequest(
            f"Invalid input received: {exc.message}") from None


def literal_dict(value: str, name: str) -> dict[str, str]:
    """A dict filter written as a Python literal (``{'k': 'v'}``), the way
    python-manilaclient sends ``metadata`` and ``extra_specs``."""
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = None
    if not isinstance(parsed, dict):
        raise faults.BadRequest(
            f"Invalid input received: Wrong {name} filter provided: {value}.")
    return {str(k): str(v) for k, v in parsed.items()}


@dataclasses.dataclass
class ColumnQuery:
    """A list Manila filters on its model's columns (share groups, group
    snapshots): paging and sorting taken out, the rest are filters;
    ``all_tenants`` (any non-empty value) counts for admins only."""

    limit: int | None
    offset: int
    sort_key: str
    sort_dir: str
    everyone: bool
    filters: dict[str, str]


def column_query(params: Mapping[str, str], max_limit: int, is_admin: bool) -> ColumnQuery:
    rest = dict(params)
    limit, offset = pagination(rest, max_limit)
    for key in ("limit", "offset"):
        rest.pop(key, None)
    return ColumnQuery(limit=limit, offset=offset,
                       sort_key=rest.pop("sort_key", "created_at"),
                       sort_dir=rest.pop("sort_dir", "desc"),
                       everyone=bool(rest.pop("all_tenants", "")) and is_admin,
                       filters=rest)
