"""Numbers read from request text, and input echoed in messages, the same
way in every layer.

``str.isdigit()`` is true for "²" (which ``int`` refuses) and ``int`` of a
5,000-digit text raises (CPython's digit limit) or gives a number no
database column holds: ``decimal`` accepts ASCII digits only, a bounded
number of them, within a range.  A message that quotes the input quotes at
most ``ECHO`` characters of it.
"""

from __future__ import annotations

INT32_MAX = 2 ** 31 - 1   # Manila's DB_MAX_INT: its Integer columns
INT64_MAX = 2 ** 63 - 1   # the largest integer SQLite and BIGINT hold
_DIGITS = 19              # len(str(INT64_MAX))
ECHO = 255


def decimal(value: object, low: int = 0, high: int = INT64_MAX,
            signed: bool = False) -> int | None:
    """The integer ``value`` stands for: an int (not a bool), or a text of
    ASCII decimal digits (blanks around it allowed; a leading ``-`` or
    ``+`` only when ``signed``), within ``[low, high]``; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        digits = text[1:] if signed and text[:1] in ("-", "+") else text
        if not digits or len(digits) > _DIGITS or not (
                digits.isascii() and digits.isdecimal()):
            return None
        number = int(text)
    else:
        return None
    return number if low <= number <= high else None


def echo(value: object, limit: int = ECHO) -> str:
    """``value`` as a message quotes it: its text, cut after ``limit``
    characters."""
    try:
        text = str(value)
    except ValueError:      # an int past CPython's digit limit, or one inside
        text = "<a value too long to print>"
    return text if len(text) <= limit else text[:limit] + "..."
