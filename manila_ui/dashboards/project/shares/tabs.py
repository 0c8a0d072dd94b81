"""Tabs of a share's detail page; each costs a fixed number of API calls.

Overview reads the share the view already has and lists its access rules
(one call, as upstream's overview does); Metadata nothing more; Export
Locations, Snapshots, Messages and Locks one call each, and only when
opened (``preload = False``: Horizon loads them on the first click), so
the page itself costs the share's GET and its rules.
"""

import dataclasses

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs
from horizon.utils import http as http_utils

from manila_ui.api import messages as api_messages
from manila_ui.api import resource_locks as api_locks
from manila_ui.api import share_access as api_access
from manila_ui.api import share_instances as api_instances
from manila_ui.api import share_replicas as api_replicas
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import mount
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_rules import tables as rule_tables
from manila_ui.dashboards.project.shares import tables as share_tables
from manila_ui.dashboards.project.shares.replicas import tables as replica_tables

# A share exports nothing (yet, or any more) in these statuses.
NO_EXPORTS = ("creating", "creating_from_snapshot", "deleting", "error",
              "manage_starting", "manage_error")
# ...and has no rules to list.
NO_RULES = ("creating", "manage_starting", "manage_error")


class _ShareTab(tabs.Tab):
    @property
    def share(self):
        return self.tab_group.kwargs["share"]

    @property
    def load(self):
        # An ajax request for one tab renders only that tab: do not pay for
        # the others' data (Horizon would preload them all).
        if http_utils.is_ajax(self.request) and not self.is_active():
            return False
        return super().load


class OverviewTab(_ShareTab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/shares/_detail_overview.html"

    def get_error_messages(self, share):
        # Only a share in error has something to explain; one call then.
        if not utils.is_error_status(share.status):
            return []
        try:
            return api_messages.message_list(self.request,
                                             resource_id=share.id, limit=5)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the share's messages."))
            return []

    def get_rules(self, share):
        """The rules in the order they take effect, as upstream's overview
        lists them (one call)."""
        if share.status in NO_RULES:
            return []
        try:
            return api_access.access_rule_list(self.request, share.id)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the access rules."))
            return []

    def get_context_data(self, request):
        share = self.share
        return {"share": share,
                "status_label": dict(share_tables.STATUS_DISPLAY_CHOICES).get(share.status),
                "error_messages": self.get_error_messages(share),
                # (rule, its state translated) pairs: templates cannot look a label up.
                "rules": [(rule, dict(rule_tables.STATE_DISPLAY).get(rule.state, rule.state))
                          for rule in self.get_rules(share)],
                "rules_url": "horizon:project:share_rules:rules"}


class MetadataTab(_ShareTab):
    name = _("Metadata")
    slug = "metadata"
    template_name = "project/shares/_detail_metadata.html"

    def get_context_data(self, request):
        return {"share": self.share,
                "metadata": sorted((self.share.metadata or {}).items())}


EDIT_EXPORT_METADATA = "horizon:project:shares:export_location_metadata"


@dataclasses.dataclass(frozen=True)
class ShownExport:
    """An export as the tab shows it: its mount commands (``export``), its
    metadata and the link that edits them ("" where policy says no)."""

    export: mount.ExportView
    metadata: list[tuple[str, str]]
    edit_url: str


class ExportLocationsTab(_ShareTab):
    name = _("Export Locations")
    slug = "export_locations"
    template_name = "project/shares/_detail_export_locations.html"
    preload = False

    def get_context_data(self, request):
        share = self.share
        locations = []
        if share.status not in NO_EXPORTS:
            try:
                locations = api_shares.export_location_list(request, share.id)
            except Exception:
                exceptions.handle(request,
                                  _("Unable to retrieve export locations."))
        locations = sorted(locations,
                           key=lambda loc: (bool(loc.is_admin_only),
                                            not loc.preferred, loc.path or ""))
        # Metadata comes with the list (2.87); editing it is Manila's policy.
        with_metadata = utils.supports(request, "export_location_metadata")
        editable = with_metadata and policy.allows(
            request, "share_export_location:update_metadata",
            {"project_id": share.project_id})
        return {"share": share, "with_metadata": with_metadata, "exports": [
            ShownExport(
                mount.export_view(share.share_proto, loc.path or "",
                                  share_name=share.name,
                                  preferred=bool(loc.preferred),
                                  is_admin_only=bool(loc.is_admin_only)),
                sorted((loc.metadata or {}).items()),
                reverse(EDIT_EXPORT_METADATA, args=(share.id, loc.id)) if editable else "")
            for loc in locations]}


class SnapshotsTab(_ShareTab):
    name = _("Snapshots")
    slug = "snapshots"
    template_name = "project/shares/_detail_snapshots.html"
    preload = False
    snapshot_detail_url = "horizon:project:share_snapshots:detail"

    def get_context_data(self, request):
        try:
            snapshots = api_snapshots.snapshot_list(request,
                                                    share_id=self.share.id)
        except Exception:
            snapshots = []
            exceptions.handle(request, _("Unable to retrieve snapshots."))
        return {"share": self.share, "snapshots": snapshots,
                "detail_url": self.snapshot_detail_url}


class MessagesTab(_ShareTab):
    name = _("Messages")
    slug = "messages"
    template_name = "project/shares/_detail_messages.html"
    preload = False
    message_detail_url = "horizon:project:user_messages:detail"

    def allowed(self, request):
        return utils.supports(request, "messages")

    def get_context_data(self, request):
        try:
            found = api_messages.message_list(request,
                                              resource_id=self.share.id,
                                              limit=50)
        except Exception:
            found = []
            exceptions.handle(request, _("Unable to retrieve messages."))
        return {"share": self.share, "user_messages": found,
                "detail_url": self.message_detail_url}


class ReplicasTab(_ShareTab, tabs.TableTab):
    """A replicated share's replicas (one call, when opened); rows in a
    transitional state or out of sync update themselves."""

    name = _("Replicas")
    slug = "replicas"
    table_classes = (replica_tables.ReplicasTable,)
    template_name = "horizon/common/_detail_table.html"
    preload = False

    def allowed(self, request):
        share = self.share
        return bool(share.replication_type and utils.replication_enabled()
                    and utils.supports(request, "replication")
                    and policy.check(request, (("share", "share_replica:get_all"),),
                                     {"project_id": share.project_id}))

    def get_replicas_data(self):
        try:
            return api_replicas.replica_list(self.request, self.share.id)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the replicas."))
            return []


class InstancesTab(_ShareTab):
    """Admins: the instances behind the share (its primary, replicas, a
    migration's destination), one call when opened."""

    name = _("Instances")
    slug = "instances"
    template_name = "project/shares/_detail_instances.html"
    preload = False

    def allowed(self, request):
        return policy.check(request, (("share", "share_instance:index"),))

    def get_context_data(self, request):
        try:
            found = api_instances.instances_of_share(request, self.share.id)
        except Exception:
            found = []
            exceptions.handle(request, _("Unable to retrieve the share's instances."))
        return {"share": self.share, "instances": found}


class LocksTab(_ShareTab):
    """The share's locks (2.81): against its deletion, placed by its
    project, by an admin or by a rule's deletion lock."""

    name = _("Locks")
    slug = "locks"
    template_name = "project/shares/_detail_locks.html"
    preload = False
    lock_detail_url = "horizon:project:resource_locks:detail"

    def allowed(self, request):
        return utils.supports(request, "resource_locks")

    def get_context_data(self, request):
        try:
            found = api_locks.locks_of_resource(request, self.share.id)
        except Exception:
            found = []
            exceptions.handle(request, _("Unable to retrieve the share's locks."))
        return {"share": self.share, "locks": found, "detail_url": self.lock_detail_url}


class ShareDetailTabs(tabs.DetailTabsGroup):
    slug = "share_details"
    tabs = (OverviewTab, MetadataTab, ExportLocationsTab, SnapshotsTab,
            ReplicasTab, InstancesTab, MessagesTab, LocksTab)
    sticky = True
