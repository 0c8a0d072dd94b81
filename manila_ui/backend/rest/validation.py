"""jsonschema validation with Manila's wording for a 400."""

from __future__ import annotations

import uuid
from typing import Any

import jsonschema

from manila_ui.backend.rest import faults
from manila_ui.backend.types.values import echo

_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def _message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message with the value it quotes cut short (``echo``)."""
    try:
        quoted = repr(error.instance)
    except ValueError:     # an int past CPython's digit limit
        return "The value is not valid."
    return error.message.replace(quoted, echo(quoted))


def validate(schema: dict[str, Any], instance: Any) -> None:
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is None:
        return
    path = "/".join(echo(p) for p in error.absolute_path) or "body"
    raise faults.BadRequest(
        f"Invalid input for field/attribute {path}. Value: "
        f"{echo(_repr(error.instance))}. {_message(error)}")


def _repr(value: Any) -> str:
    try:
        return repr(value)
    except ValueError:
        return "<a value too long to print>"


_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("uuid")
def _is_uuid(instance: object) -> bool:
    if not isinstance(instance, str):
        return True   # the type keyword speaks for other values
    try:
        uuid.UUID(instance)
    except ValueError:
        return False
    return True


_MANILA_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def validate_body(schema: dict[str, Any], instance: Any) -> None:
    """Validate a request body as Manila's schema-checked APIs do: the 400
    names the last field of the path and the value as Manila prints them,
    e.g. ``Invalid input for field/attribute new_size. Value: x. 'x' does
    not match '^[0-9]*$'``."""
    validator = _MANILA_VALIDATORS.get(id(schema))
    if validator is None:
        validator = _MANILA_VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(
            schema, format_checker=_FORMATS)
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is None:
        return
    if error.path:
        raise faults.BadRequest(
            f"Invalid input for field/attribute {echo(error.path[-1])}. Value: "
            f"{echo(error.instance)}. {_message(error)}")
    raise faults.BadRequest(_message(error))
