"""manilaclient's exceptions sorted into Horizon's three handling classes.

The enabled files register these through ``ADD_EXCEPTIONS`` so that
``horizon.exceptions.handle`` knows them; nothing outside ``manila_ui.api``
needs to import manilaclient to catch them.
"""

from keystoneauth1 import exceptions as ks_exceptions
from manilaclient import exceptions as manila_client_exc
from manilaclient.common.apiclient import exceptions as manila_exc

# Aliases the dashboards may catch for a specific reaction (a form error
# instead of a message, for instance).
BadRequest = manila_exc.BadRequest
Conflict = manila_exc.Conflict
Forbidden = manila_exc.Forbidden
NotFound = manila_exc.NotFound
OverLimit = manila_exc.RequestEntityTooLarge
ClientException = manila_exc.ClientException


class ManilaUnavailable(Exception):
    """No usable Manila endpoint (catalog entry missing or unreachable)."""


class MicroversionTooLow(Exception):
    """The server's maximum microversion is below what the dashboard needs."""


UNAUTHORIZED: tuple[type[BaseException], ...] = (
    manila_exc.Unauthorized,
)

NOT_FOUND: tuple[type[BaseException], ...] = (
    manila_exc.NotFound,
)

RECOVERABLE: tuple[type[BaseException], ...] = (
    manila_exc.ClientException,
    manila_client_exc.ManilaclientException,
    manila_client_exc.VersionNotFoundForAPIMethod,
    # A backend that is down or slow must give a message, never a 500.
    ks_exceptions.ConnectionError,
    ks_exceptions.ClientException,
    ManilaUnavailable,
    MicroversionTooLow,
)


def http_status(exc: BaseException) -> int | None:
    """The HTTP status code of a manilaclient error, or None."""
    code = getattr(exc, "http_status", None) or getattr(exc, "code", None)
    return code if isinstance(code, int) else None


def fault_message(exc: BaseException) -> str:
    """Manila's own explanation of a fault, without the request id noise."""
    message = getattr(exc, "message", None) or getattr(exc, "details", None)
    return str(message) if message else str(exc)
