"""QoS types (2.94): list, get, create, update (the description), delete,
and their specs (set, unset).

A share type names its QoS type in the ``default_qos_type`` extra spec (a
QoS type's name or id).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from manilaclient.v2 import qos_types as manila_qos_types

from manila_ui.api import base
from manila_ui.api import client

# The share type extra spec that names a QoS type.
SPEC = "default_qos_type"


class QosType(base.ManilaResource):
    _attrs = ("id", "name", "description", "specs", "created_at", "updated_at")
    id: str
    name: str
    description: str | None
    specs: dict[str, str] | None
    created_at: str | None
    updated_at: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).qos_types


@base.request_memoized
def qos_type_list(request: Any) -> list[QosType]:
    """Every QoS type, by name (Manila keeps few; one call per request)."""
    result = _manager(request).list(search_opts={"sort_key": "name", "sort_dir": "asc"})
    return base.wrap_all(QosType, result)


def qos_type_get(request: Any, qos_type_id: str) -> QosType:
    return QosType.from_resource(_manager(request).get(qos_type_id))


def qos_type_create(request: Any, name: str, *, description: str | None = None,
                    specs: dict[str, str] | None = None) -> QosType:
    created = _manager(request).create(name, description=description or None,
                                       specs=specs or {})
    base.forget(request)
    return QosType.from_resource(created)


def qos_type_update(request: Any, qos_type_id: str, description: str) -> None:
    _manager(request).update(qos_type_id, description=description)
    base.forget(request)


def qos_type_delete(request: Any, qos_type_id: str) -> None:
    _manager(request).delete(qos_type_id)
    base.forget(request)


def _resource(request: Any, qos_type_id: str) -> Any:
    """A client-side handle on the QoS type (no call to fetch it)."""
    return manila_qos_types.QosType(_manager(request), {"id": qos_type_id}, loaded=True)


def qos_type_set_specs(request: Any, qos_type_id: str, specs: dict[str, str]) -> None:
    """Add or change these specs (one call)."""
    if specs:
        _resource(request, qos_type_id).set_keys(specs)
    base.forget(request)


def qos_type_unset_specs(request: Any, qos_type_id: str, keys: Iterable[str]) -> None:
    """Remove these specs (Manila deletes one key per call)."""
    keys = list(keys)
    if keys:
        _resource(request, qos_type_id).unset_keys(keys)
    base.forget(request)


def qos_type_names(request: Any) -> dict[str, str]:
    """{QoS type id or name: its name}, from one list: what the share types
    table shows for a type's ``default_qos_type`` (a name or an id)."""
    names: dict[str, str] = {}
    for qos_type in qos_type_list(request):
        names[qos_type.id] = names[qos_type.name] = qos_type.name
    return names
