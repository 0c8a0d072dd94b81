"""Who asks: the few facts services need from the request context."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Caller:
    project_id: str
    user_id: str
    request_id: str | None = None
    # Manila's ``context.is_admin``: sees every share type, private or not.
    is_admin: bool = False
