"""Share usage charts (Horizon's limit summary pies) for the project's
landing page, Project › Share › Shares: every quota the server reports in
``/limits`` at the negotiated microversion, from that ONE call (the page's
Create button reads the same, memoized per request).

Horizon's Project › Overview needs compute, which a Keystone + Manila cloud
does not have; the Shares page is where users land.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon.templatetags.horizon import quotapercent

from manila_ui.api import limits as api_limits

# maxTotal... key -> (chart title, unit)
CHARTS: dict[str, tuple[Any, str]] = {
    "maxTotalShares": (_("Shares"), ""),
    "maxTotalShareGigabytes": (_("Share Storage"), "GiB"),
    "maxTotalShareSnapshots": (_("Snapshots"), ""),
    "maxTotalSnapshotGigabytes": (_("Snapshot Storage"), "GiB"),
    "maxTotalShareNetworks": (_("Share Networks"), ""),
    "maxTotalShareGroups": (_("Share Groups"), ""),
    "maxTotalShareGroupSnapshots": (_("Share Group Snapshots"), ""),
    "maxTotalShareReplicas": (_("Share Replicas"), ""),
    "maxTotalReplicaGigabytes": (_("Replica Storage"), "GiB"),
    "maxTotalShareBackups": (_("Share Backups"), ""),
    "maxTotalBackupGigabytes": (_("Backup Storage"), "GiB"),
}


def _display(value: float, unit: str) -> str:
    return f"{int(value)} {unit}".strip()


def project_limits(request: Any) -> api_limits.Limits | None:
    """The project's ``/limits`` (memoized per request); None, with a
    message, when Manila did not answer."""
    try:
        return api_limits.tenant_absolute_limits(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve share quotas."))
        return None


def _pie(key: str, title: Any, used_display: str, quota_display: str,
         percent: Any) -> str:
    """One pie (Horizon's d3 pie chart markup), written here rather than
    through a template per chart (11 of them cost a tenth of the page)."""
    if quota_display:
        subtitle = _("Used %(used)s of %(available)s") % {
            "used": used_display, "available": quota_display}
    else:
        subtitle = _("Used %(used)s (No Limit)") % {"used": used_display}
    return format_html(
        '<div class="d3_quota_bar col-lg-2 col-md-4 col-sm-4 col-xs-6" data-quota="{}">'
        '<div class="pie-chart-usage" data-used="{}"></div>'
        '<div class="quota_title" title="{}">{}</div>'
        '<div class="quota_subtitle">{}</div></div>',
        key, percent, title, title, subtitle)


def charts(limits: api_limits.Limits | None) -> list[dict[str, Any]]:
    """Sections for ``manila_ui/share_quotas/_usage.html``: each chart's
    ``html`` (and its values)."""
    if limits is None:
        return []
    found = []
    for key, usage in limits.usages():
        title, unit = CHARTS[key]
        used = _display(usage.used, unit)
        quota = "" if usage.unlimited else _display(usage.quota, unit)
        found.append({"key": key, "name": title, "used": usage.used,
                      "quota": usage.quota, "used_display": used, "quota_display": quota,
                      "html": _pie(key, title, used, quota,
                                   quotapercent(usage.used, usage.quota))})
    return [{"title": _("Share Usage"), "charts": found}] if found else []
