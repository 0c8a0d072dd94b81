"""QoS types (2.94): named sets of specs that a share type names in its
``default_qos_type`` extra spec; a share created with such a type records
the QoS type, which then cannot be deleted while the share exists."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from manila_ui.backend.db import qos_types as qos_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services.fields import check_sort
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import QosTypeFilters

SORT_KEYS = tuple(qos_db.SORT_COLUMNS)
# The share type extra spec naming a QoS type (by name or id).
SPEC = "default_qos_type"
SPEC_MAX = 255


def _valid_text(value: Any) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= SPEC_MAX


def verify_specs(specs: Mapping[str, Any]) -> None:
    """Manila's ``verify_specs``: keys and values are strings of 1-255
    characters (a boolean value passes, a nested object is checked too)."""
    for key, value in specs.items():
        if _valid_text(key) and isinstance(value, dict):
            verify_specs(value)
        elif not (_valid_text(key) and (_valid_text(value) or isinstance(value, bool))):
            raise errors.Invalid(f"Invalid spec: {key}: {value}")


def stored_specs(specs: Mapping[str, Any]) -> dict[str, str]:
    """What the database keeps of verified specs: text (a boolean as
    ``True``/``False``; a nested object, which Manila cannot store, as text)."""
    return {key: value if isinstance(value, str) else str(value)
            for key, value in specs.items()}


class QosTypeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, qos_type_id: str) -> records.QosType:
        with self._db.read() as s:
            found = qos_db.get(s, qos_type_id)
        if found is None:
            raise errors.NotFound(f"QoS Type {qos_type_id} could not be found.")
        return found

    def find(self, name_or_id: str) -> records.QosType | None:
        with self._db.read() as s:
            return qos_db.get_by_name_or_id(s, name_or_id)

    def list_page(self, filters: QosTypeFilters, *, sort_key: str, sort_dir: str,
                  limit: int | None, offset: int) -> list[records.QosType]:
        check_sort(sort_key, sort_dir, qos_db.SORT_COLUMNS)
        with self._db.read() as s:
            return qos_db.list_page(s, filters, sort_key=sort_key,
                                    sort_dir=sort_dir.lower(), limit=limit, offset=offset)

    def create(self, name: str, description: Any,
               specs: Mapping[str, Any]) -> records.QosType:
        description = fields.text(description, "description")
        verify_specs(specs)
        with self._db.write() as s:
            if qos_db.get_by_name(s, name) is not None:
                raise errors.Conflict(f"QoS Type with name {name} already exist.")
            return qos_db.create(s, str(uuid.uuid4()), name, description,
                                 stored_specs(specs))

    def update(self, qos_type_id: str, changes: Mapping[str, Any]) -> records.QosType:
        values = {key: fields.text(value, key) for key, value in changes.items()}
        with self._db.write() as s:
            found = (qos_db.update(s, qos_type_id, **values) if values
                     else qos_db.get(s, qos_type_id))
        if found is None:
            raise errors.NotFound(f"No qos_type exists with ID {qos_type_id}.")
        return found

    def delete(self, qos_type_id: str) -> None:
        with self._db.write() as s:
            if qos_db.get(s, qos_type_id) is None:
                raise errors.NotFound(f"No QoS Type exists with ID {qos_type_id}.")
            if qos_db.shares_using(s, qos_type_id):
                raise errors.Invalid(f"Qos Type {qos_type_id} deletion is not allowed "
                                     "while shares are associated with the qos type.")
            qos_db.destroy(s, qos_type_id)

    # -- specs ------------------------------------------------------------------

    def set_specs(self, qos_type_id: str, specs: Mapping[str, Any]) -> None:
        verify_specs(specs)
        with self._db.write() as s:
            if qos_db.get(s, qos_type_id) is None:
                raise errors.NotFound(f"QoS Type {qos_type_id} could not be found.")
            qos_db.set_specs(s, qos_type_id, stored_specs(specs))

    def delete_spec(self, qos_type_id: str, key: str) -> None:
        with self._db.write() as s:
            if qos_db.get(s, qos_type_id) is None:
                raise errors.NotFound(f"QoS Type {qos_type_id} could not be found.")
            if not qos_db.delete_spec(s, qos_type_id, key):
                # Manila's words, its placeholders unformatted (it raises the
                # exception's template rather than its message).
                raise errors.NotFound("Qos Type %(qos_type_id)s has no specs with key "
                                      "%(key)s.")
