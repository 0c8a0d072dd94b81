"""Share actions beyond create/edit/delete (see tables.py for those).

Every ``allowed()`` decides from the row's own fields, the local policy
file and the negotiated microversion: none calls the API, so a page of N
rows costs the same as a page of one. Policy names are Manila's own.
"""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import exceptions
from horizon import tables
from openstack_dashboard import policy

from manila_ui.api import limits as api_limits
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import transfers as api_transfers
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import utils

# Manila extends, shrinks, reverts, snapshots and transfers only these.
SETTLED = ("available",)
# Manila refuses to delete a share in any other status (without force).
DELETABLE_STATUSES = ("available", "error", "inactive")


class SharePolicyTargetMixin(utils.CachedPolicyMixin,
                             policy.PolicyTargetMixin):
    """Policy checks run against the share's own project (once per
    request and project, see utils.CachedPolicyMixin)."""

    policy_target_attrs = (("project_id", "project_id"),)


class Dangerous:
    """A batch action Horizon asks to confirm (a red button, as Delete)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.action_type = "danger"


class _ShareAction(SharePolicyTargetMixin):
    """Checks a named microversion feature and the row's status."""

    feature = None
    statuses = SETTLED

    def allowed(self, request, share=None):
        if self.feature and not utils.supports(request, self.feature):
            return False
        return share is None or share.status in self.statuses


class _ShareLink(_ShareAction, tables.LinkAction):
    classes = ("ajax-modal",)

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))


class ResizeShare(_ShareLink):
    name = "resize"
    verbose_name = _("Resize Share")
    url = "horizon:project:shares:resize"
    classes = ("ajax-modal", "btn-resize")
    # Extend is the common case; the form offers shrinking only where
    # share:shrink allows it too.
    policy_rules = (("share", "share:extend"),)


class CreateSnapshot(_ShareLink):
    name = "create_snapshot"
    verbose_name = label = _("Create Snapshot")
    url = "horizon:project:share_snapshots:create_for_share"
    policy_rules = (("share", "share:create_snapshot"),)

    def allowed(self, request, share=None):
        if share is not None and share.snapshot_support is False:
            return False
        return super().allowed(request, share)

    def update(self, request: Any, share: Any) -> None:
        # Per row, from the /limits the index view already read (the table
        # carries it): no call here. Without it (detail header, row update)
        # the action stays open and Manila's refusal shows on the form.
        limits = getattr(self.table, "quota_limits", None)
        if limits is not None:
            common_tables.show_quota(self, not snapshot_fits(limits, share))


def snapshot_fits(limits: api_limits.Limits, share: Any) -> bool:
    """Whether the project's snapshot quotas hold one more snapshot of
    ``share`` (Manila counts a snapshot's size as the share's)."""
    room = limits.snapshot_gigabytes.available
    return not limits.snapshots.exhausted and room >= (share.size or 0)


class RevertShare(_ShareLink):
    name = "revert"
    verbose_name = _("Revert to Snapshot")
    url = "horizon:project:shares:revert"
    feature = "revert_to_snapshot"
    policy_rules = (("share", "share:revert_to_snapshot"),)

    def allowed(self, request, share=None):
        # Only types with the revert_to_snapshot_support capability.
        if share is not None and not share.revert_to_snapshot_support:
            return False
        return super().allowed(request, share)


class UpdateMetadata(_ShareLink):
    name = "update_metadata"
    verbose_name = _("Edit Metadata")
    url = "horizon:project:shares:update_metadata"
    policy_rules = (("share", "share:update_share_metadata"),)
    statuses = ("available", "error", "inactive", "extending_error",
                "shrinking_error", "reverting_error", "manage_error")


class CreateTransfer(_ShareLink):
    name = "create_transfer"
    verbose_name = _("Create Transfer")
    url = "horizon:project:shares:create_transfer"
    feature = "share_transfers"
    policy_rules = (("share", "share_transfer:create"),)

    def allowed(self, request, share=None):
        # Manila transfers DHSS=False shares only (no share network).
        if share is not None and share.share_network_id:
            return False
        return super().allowed(request, share)


class CancelTransfer(Dangerous, SharePolicyTargetMixin, tables.BatchAction):
    name = "cancel_transfer"
    feature = "share_transfers"
    policy_rules = (("share", "share_transfer:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Cancel Transfer", "Cancel Transfers", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Cancelled transfer of share",
                             "Cancelled transfers of shares", count)

    def allowed(self, request, share=None):
        if not utils.supports(request, self.feature):
            return False
        return share is not None and share.status == "awaiting_transfer"

    def action(self, request, obj_id):
        # One list call per clicked share (the transfer id is not on the
        # share), in the POST only, never while rendering the table.
        try:
            for transfer in api_transfers.transfer_list(request,
                                                        resource_id=obj_id):
                api_transfers.transfer_delete(request, transfer.id)
        except Exception:
            exceptions.handle(request, _("Unable to cancel the transfer."),
                              escalate=True)


class AcceptTransfer(tables.LinkAction):
    name = "accept_transfer"
    verbose_name = _("Accept Transfer")
    url = "horizon:project:shares:accept_transfer"
    classes = ("ajax-modal",)
    icon = "exchange"
    policy_rules = (("share", "share_transfer:accept"),)

    def allowed(self, request, datum=None):
        return utils.supports(request, "share_transfers")


class RecycleBinLink(tables.LinkAction):
    name = "recycle_bin"
    verbose_name = _("Recycle Bin")
    url = "horizon:project:shares:recycle_bin"
    icon = "trash"
    policy_rules = (("share", "share:get_all"),)

    def allowed(self, request, datum=None):
        return utils.supports(request, "soft_delete")


class SoftDeleteShare(Dangerous, SharePolicyTargetMixin, common_tables.RowApiCallMixin,
                      tables.BatchAction):
    name = "soft_delete"
    help_text = _("Shares in the recycle bin can be restored until Manila "
                  "purges them.")
    policy_rules = (("share", "share:soft_delete"),)
    api_call = staticmethod(api_share_actions.share_soft_delete)
    failure_message = _("Unable to move the share to the recycle bin.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Move Share to Recycle Bin",
                             "Move Shares to Recycle Bin", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Moved to the recycle bin: share",
                             "Moved to the recycle bin: shares", count)

    def allowed(self, request, share=None):
        if not utils.supports(request, "soft_delete"):
            return False
        return share is None or \
            share.status in DELETABLE_STATUSES
