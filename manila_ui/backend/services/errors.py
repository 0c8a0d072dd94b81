"""What the services refuse with; rest/ maps each class to a Manila fault."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class NotFound(ServiceError):
    """404 itemNotFound."""


class Invalid(ServiceError):
    """400 badRequest: the request cannot be honoured as asked."""


class Refused(ServiceError):
    """403 forbidden: the resource is in a state that forbids the action
    (Manila answers these with 403, e.g. deleting a share while it is
    being created)."""


class Conflict(ServiceError):
    """409 conflictingRequest."""


class OverQuota(ServiceError):
    """413 overLimit."""
