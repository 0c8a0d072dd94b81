"""Who asks: the few facts services need from the request context."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Caller:
    project_id: str
    user_id: str
    request_id: str | None = None
