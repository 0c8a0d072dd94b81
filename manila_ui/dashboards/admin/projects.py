"""Project names for the admin tables: one Keystone list per page, which an
index view starts with its Manila list (``prefetch``, for its ``prefetch``).

Nothing is cached beyond the request: a process-wide cache would show one
admin what another admin's token may not see, and go stale.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from openstack_dashboard.api import keystone

from manila_ui.api import base as api_base

_MEMO = "_manila_ui_project_names"
_EARLY = "_manila_ui_project_list"


def _listed(request):
    projects, _more = keystone.tenant_list(request)
    return {p.id: p.name for p in projects}


def prefetch(request):
    """Start the page's Keystone project list now, on another thread."""
    api_base.start_early(request, _EARLY, _listed, request)


def project_names(request):
    """Project id -> name, from one Keystone list per request."""
    cached = getattr(request, _MEMO, None)
    if cached is not None:
        return cached
    try:
        names = api_base.take(request, _EARLY, _listed, request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve project names."))
        names = {}
    setattr(request, _MEMO, names)
    return names


def name_projects(request, items):
    """Set ``project_name`` on each item (only if there are items)."""
    if not items:
        return items
    names = project_names(request)
    for item in items:
        item.project_name = names.get(item.project_id)
    return items


def project_name(request, project_id):
    """One project's name, for a single polled row (one call)."""
    if not project_id:
        return None
    try:
        return keystone.tenant_get(request, project_id).name
    except Exception:
        # The id is shown instead; no message on a poll.
        exceptions.handle(request, ignore=True)
        return None


def get_project(datum):
    return getattr(datum, "project_name", None) or datum.project_id or "-"
