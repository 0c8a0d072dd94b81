"""Resource locks: one page of the project's locks in one call, no call per
row (a share's name is on its own page, one click away)."""

from django.urls import NoReverseMatch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import tables
from horizon.utils import filters

from manila_ui.api import resource_locks as api_locks
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils

# Where a locked resource can be looked at: a share's page, a rule's share's
# rules (a lock names only the rule).
RESOURCE_URLS = {"share": "horizon:project:shares:detail"}
TYPE_LABELS = {"share": pgettext_lazy("A locked resource", "Share"),
               "access_rule": pgettext_lazy("A locked resource", "Access rule")}
ACTION_LABELS = {"delete": pgettext_lazy("A locked action", "Deletion"),
                 "show": pgettext_lazy("A locked action", "Visibility")}


class LockPolicyMixin(policy.ProjectTargetMixin):
    """Policy checks against the lock's project and user: only whoever
    placed a lock (or an admin) may change or lift it (Manila's
    ``owner-user``)."""

    policy_target_attrs = (("project_id", "project_id"), ("user_id", "user_id"))


class EditLock(LockPolicyMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Reason")
    url = "horizon:project:resource_locks:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "resource_lock:update"),)


class DeleteLock(LockPolicyMixin, common_tables.RowApiCallMixin, tables.DeleteAction):
    help_text = _("The resource may then be deleted (or, for a visibility lock, "
                  "its access_to is shown again).")
    policy_rules = (("share", "resource_lock:delete"),)
    api_call = staticmethod(api_locks.lock_delete)
    failure_message = _("Unable to delete the lock.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Lock", "Delete Locks", count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Lock", "Deleted Locks", count)


class LocksFilterAction(common_tables.ServerFilterAction):
    filter_choices = (*common_tables.exact_filters("resource_id", "resource_type"),
                      ("resource_action", _("Locked Action ="), True),
                      ("lock_reason~", _("Reason contains"), True))


def resource_link(lock, urls=RESOURCE_URLS):
    url = urls.get(lock.resource_type or "")
    if not url or not lock.resource_id:
        return None
    try:
        return reverse(url, args=(lock.resource_id,))
    except NoReverseMatch:
        return None


def get_type(lock):
    return TYPE_LABELS.get(lock.resource_type or "", lock.resource_type or "-")


def get_action(lock):
    return ACTION_LABELS.get(lock.resource_action or "", lock.resource_action or "-")


def get_owner(lock):
    """Who placed it; a user's own locks say so (no identity call per row)."""
    request_user = getattr(lock, "viewer_id", None)
    if lock.user_id and lock.user_id == request_user:
        return _("you")
    return lock.user_id or "-"


class LocksTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    resource_type = tables.Column(get_type, verbose_name=_("Resource Type"))
    resource = tables.Column("resource_id", verbose_name=_("Resource"),
                             link=resource_link)
    action = tables.Column(get_action, verbose_name=_("Locked Action"))
    reason = tables.WrappingColumn("lock_reason", verbose_name=_("Reason"),
                                   link="horizon:project:resource_locks:detail",
                                   empty_value=_("(no reason given)"))
    context = tables.Column("lock_context", verbose_name=_("Placed By"))
    user = tables.Column(get_owner, verbose_name=_("User"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, lock):
        return lock.lock_reason or lock.id

    class Meta:
        name = "resource_locks"
        verbose_name = _("Resource Locks")
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (LocksFilterAction, DeleteLock)
        row_actions = (EditLock, DeleteLock)


class LockResource(policy.ProjectTargetMixin, tables.LinkAction):
    """A share's (or rule's) row action: lock it against deletion."""

    name = "lock_deletion"
    verbose_name = _("Lock Against Deletion")
    url = "horizon:project:resource_locks:create"
    classes = ("ajax-modal",)
    policy_rules = (("share", "resource_lock:create"),)
    row_kind = common_tables.same_for_every_row
    resource_type = "share"
    unlockable = ("deleting", "error_deleting", "unmanage_starting", "unmanage_error")

    def allowed(self, request, datum=None):
        if not utils.supports(request, "resource_locks"):
            return False
        if datum is None:
            return True
        state = getattr(datum, "status", None) or getattr(datum, "state", None) or ""
        return state not in self.unlockable and not getattr(datum, "is_soft_deleted",
                                                            False)

    def get_link_url(self, datum):
        return reverse(self.url, args=(self.resource_type, datum.id))


class LockRule(policy.TableObjectTargetMixin, LockResource):
    """A share's rule: lock its deletion or hide its access_to (2.82's
    locks, placed afterwards)."""

    name = "lock_rule"
    verbose_name = _("Lock Rule")
    target_kwarg = "share"
    resource_type = "access_rule"
    unlockable = ("queued_to_deny", "denying", "error")
