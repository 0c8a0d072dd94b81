"""Share usage charts (Horizon's limit summary pies) for the project's
landing page, Project › Share › Shares: every quota the server reports in
``/limits`` at the negotiated microversion, from that ONE call (the page's
Create button reads the same, memoized per request).

Horizon's Project › Overview needs compute, which a Keystone + Manila cloud
does not have; the Shares page is where users land.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions

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


def charts(limits: api_limits.Limits | None) -> list[dict[str, Any]]:
    """Sections for ``horizon/common/_limit_summary.html``."""
    if limits is None:
        return []
    found = []
    for key, usage in limits.usages():
        title, unit = CHARTS[key]
        found.append({"key": key, "name": title, "used": usage.used,
                      "quota": usage.quota, "text": _("Used"),
                      "used_display": _display(usage.used, unit),
                      "quota_display": ("" if usage.unlimited
                                        else _display(usage.quota, unit))})
    return [{"title": _("Share Usage"), "charts": found}] if found else []
