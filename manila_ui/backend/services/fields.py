"""Text fields, sort parameters and metadata of a request, checked as Manila checks them."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
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


def check_display_field(value: str | None, field: str) -> None:
    if value and len(value) > NAME_MAX:
        raise errors.Invalid(f"Invalid input received: {field} can only be "
                             f"{NAME_MAX} characters long.")


def check_sort_key(sort_key: str, keys: Iterable[str]) -> None:
    if sort_key not in keys:
        raise errors.Invalid(
            f"Invalid input received: Wrong sorting key provided - '{sort_key}'.")


def check_sort(sort_key: str, sort_dir: str, keys: Iterable[str]) -> None:
    """Manila's checks of a list's sort_key and sort_dir, with its words."""
    check_sort_key(sort_key, keys)
    if sort_dir.lower() not in ("asc", "desc"):
        raise errors.Invalid(
            "Invalid input received: Wrong sorting data provided: sort key is "
            f"'{sort_key}' and sort direction is '{sort_dir}'.")


def check_metadata(metadata: Mapping[str, str]) -> None:
    """Manila's metadata checks; a value that is no string is a malformed
    body there (its length check trips over it)."""
    for key, value in metadata.items():
        if not isinstance(value, str):
            raise errors.Invalid("Malformed request body")
        if not key:
            raise errors.Invalid("Metadata property key is blank.")
        if len(key) > 255:
            raise errors.Invalid("Metadata property key is greater than 255 characters.")
        if not value:
            raise errors.Invalid("Metadata property value is blank.")
        if len(value) > 1023:
            raise errors.Invalid(
                "Metadata property value is greater than 1023 characters.")
