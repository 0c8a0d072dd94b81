"""What the panels' forms share: Manila's refusals and how a form shows them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from manila_ui.api import exceptions as api_exceptions

# Manila said no with a reason the user can act on: the form shows it and
# stays open (anything else goes through exceptions.handle).
REFUSALS = (api_exceptions.BadRequest, api_exceptions.Conflict,
            api_exceptions.Forbidden, api_exceptions.NotFound)
# The same, for a change that counts against a quota.
QUOTA_REFUSALS = REFUSALS + (api_exceptions.OverLimit,)


def refused(form: Any, what: Any, exc: Exception) -> bool:
    """Shows "<what>: <Manila's reason>" on the form; False for handle()."""
    form.api_error(_("%(what)s: %(reason)s") % {
        "what": what, "reason": api_exceptions.fault_message(exc)})
    return False
