"""jsonschema validation with Manila's wording for a 400."""

from __future__ import annotations

from typing import Any

import jsonschema

from manila_ui.backend.rest import faults

_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def validate(schema: dict[str, Any], instance: Any) -> None:
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is None:
        return
    path = "/".join(str(p) for p in error.absolute_path) or "body"
    raise faults.BadRequest(
        f"Invalid input for field/attribute {path}. Value: {error.instance!r}. "
        f"{error.message}")
