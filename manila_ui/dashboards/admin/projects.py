"""Project names for the admin tables, from the admin's name map
(``api.base.NameMaps``: one Keystone project list kept per token for
``NAMES_TTL`` seconds, listed again for a project id it lacks), so a warm
admin page makes no Keystone call. Keyed by the token, a map never shows
one admin what another's token may not see. When the map is stale, an index
view starts the list with its Manila list (``prefetch``).
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from openstack_dashboard.api import keystone

from manila_ui.api import base as api_base

NAMES_TTL = 60.0
_NAMES = api_base.NameMaps(NAMES_TTL)
_SCOPE = "keystone projects"
_EARLY = "_manila_ui_project_list"
_FAILED = "_manila_ui_project_names_failed"


def _listed(request):
    projects, _more = keystone.tenant_list(request)
    return {p.id: p.name for p in projects}


def prefetch(request):
    """Start the page's Keystone project list now, on another thread,
    unless the admin's name map is fresh."""
    if not _NAMES.known(request, _SCOPE):
        api_base.start_early(request, _EARLY, _listed, request)


def project_names(request, project_ids=None):
    """Project id -> name: for ``project_ids``, the admin's map, listed (one
    Keystone call) only when stale or lacking one of them; without ids (a
    form's choice of every project, which must show a project made a moment
    ago), one list per request. A failure is reported once per request."""
    if getattr(request, _FAILED, False):
        return {}

    def listing():
        return api_base.take(request, _EARLY, _listed, request)

    try:
        if project_ids is None:
            return listing()
        return _NAMES.names(request, _SCOPE, project_ids, listing)
    except Exception:
        setattr(request, _FAILED, True)
        exceptions.handle(request, _("Unable to retrieve project names."))
        return {}


def name_projects(request, items):
    """Set ``project_name`` on each item (only if there are items)."""
    if not items:
        return items
    names = project_names(request, [item.project_id for item in items])
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
