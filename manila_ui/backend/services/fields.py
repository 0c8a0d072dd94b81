"""Text fields of a request as Manila stores them."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.services import errors

NAME_MAX = 255


def text(value: Any, field: str, limit: int = NAME_MAX) -> str | None:
    """A name, description or id as Manila stores it: any scalar becomes
    its text (a number too: the column is text); an object or a list, or a
    text longer than ``limit``, is refused."""
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise errors.Invalid(f"Invalid input received: {field} must be a string.")
    found = str(value)
    if len(found) > limit:
        raise errors.Invalid(f"Invalid input received: {field} can only be "
                             f"{limit} characters long.")
    return found
