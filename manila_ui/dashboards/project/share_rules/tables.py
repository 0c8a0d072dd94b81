"""A share's access rules, in the order they take effect.

The view loads the rules (one call) and the locks on them (one call); rows
never call the API, except a row in a transitional state, which polls its
own rule (Horizon's ajax row update).  A cephx rule's key is never in the
page: the Access Key column has a button that fetches it on request.
"""

import dataclasses

from django.urls import reverse
from django.utils.html import format_html
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables

from manila_ui.api import resource_locks as api_locks
from manila_ui.api import share_access as api_access
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.resource_locks import tables as lock_tables

STATE_CHOICES = (("active", True), ("error", False))
STATE_DISPLAY = (
    ("queued_to_apply", pgettext_lazy("Access rule state", "Queued to apply")),
    ("applying", pgettext_lazy("Access rule state", "Applying")),
    ("active", pgettext_lazy("Access rule state", "Active")),
    ("error", pgettext_lazy("Access rule state", "Error")),
    ("queued_to_deny", pgettext_lazy("Access rule state", "Queued to deny")),
    ("denying", pgettext_lazy("Access rule state", "Denying")),
    ("queued_to_update", pgettext_lazy("Access rule state", "Queued to update")),
    ("updating", pgettext_lazy("Access rule state", "Updating")),
    # Before 2.28 a rule shows its share's access_rules_status.
    ("new", pgettext_lazy("Access rule state", "New")),
    ("out_of_sync", pgettext_lazy("Access rule state", "Syncing")),
)
LEAVING = ("queued_to_deny", "denying")
MASK = "\u2022" * 8


class RulePolicyMixin(policy.TableObjectTargetMixin):
    """Policy checks run against the share's project (a rule has none)."""

    target_kwarg = "share"


class AddRule(RulePolicyMixin, tables.LinkAction):
    name = "add_rule"
    verbose_name = _("Add Rule")
    url = "horizon:project:share_rules:add"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share:allow_access"),)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(self.table.kwargs["share_id"],))


class EditRule(RulePolicyMixin, tables.LinkAction):
    name = "edit_rule"
    verbose_name = _("Edit Rule")
    url = "horizon:project:share_rules:edit"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_access_metadata:update"),)
    row_kind = common_tables.same_for_every_row

    def allowed(self, request, rule=None):
        if rule is None:
            return True
        editable = (utils.supports(request, "access_level_update")
                    or utils.supports(request, "access_rules_list"))
        return editable and not rule.restricted and rule.state not in LEAVING

    def get_link_url(self, rule):
        return reverse(self.url, args=(self.table.kwargs["share_id"], rule.id))


def _deletion_locks(rule):
    return [lock for lock in getattr(rule, "locks", ())
            if lock.resource_action == "delete"]


class DeleteRule(RulePolicyMixin, tables.DeleteAction):
    help_text = _("Clients the rule admitted lose access to the share.")
    policy_rules = (("share", "share:deny_access"),)

    @staticmethod
    def action_present(count):
        return ngettext("Delete Rule", "Delete Rules", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled deletion of Rule",
                             "Scheduled deletion of Rules", count)

    def allowed(self, request, rule=None):
        # A rule locked against deletion stays: "Unlock and Delete" is the
        # way for whoever placed the lock.
        return rule is None or (rule.state not in LEAVING
                                and not _deletion_locks(rule))

    def delete(self, request, obj_id):
        try:
            api_access.access_rule_delete(request, self.table.kwargs["share_id"],
                                          obj_id)
        except Exception:
            exceptions.handle(request, _('Unable to delete rule "%s".') % obj_id,
                              escalate=True)


class UnlockAndDeleteRule(DeleteRule):
    name = "unlock_and_delete"
    help_text = _("The rule's deletion locks, which you placed, are lifted "
                  "with it.")

    @staticmethod
    def action_present(count):
        return ngettext("Unlock and Delete Rule", "Unlock and Delete Rules",
                             count)

    def allowed(self, request, rule=None):
        if rule is None or rule.state in LEAVING:
            return False
        locks = _deletion_locks(rule)
        return bool(locks) and all(lock.user_id == request.user.id for lock in locks)

    def delete(self, request, obj_id):
        try:
            api_access.access_rule_delete(request, self.table.kwargs["share_id"],
                                          obj_id, unrestrict=True)
        except Exception:
            exceptions.handle(request, _('Unable to delete rule "%s".') % obj_id,
                              escalate=True)


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, rule_id):
        # A 404 (the rule went after a deny) removes the row.
        rule = api_access.access_rule_get(request, rule_id)
        try:
            rule.locks = api_locks.locks_of_rule(request, rule_id)
        except Exception:
            rule.locks = []
        return rule


def get_access_to(rule):
    if rule.restricted:
        return format_html('<span title="{}">{}</span>',
                           _("Hidden by a visibility lock"), rule.access_to)
    return rule.access_to


def get_squash(rule):
    if not rule.squash:
        return "-"
    ids = [f"{key}={rule.anon_id(key)}" for key in api_access.ANON_KEYS
           if rule.anon_id(key) is not None]
    return rule.squash + (f" ({', '.join(ids)})" if ids else "")


def get_priority(rule):
    if api_access.PRIORITY_KEY in (rule.metadata or {}):
        return rule.priority
    return format_html('{} <span class="text-muted">({})</span>', rule.priority,
                       _("default"))


def get_metadata(rule):
    other = rule.other_metadata
    if not other:
        return "-"
    # format_html_join escapes every key and value.
    return format_html('<ul class="list-unstyled manila-ui-rule-meta">{}</ul>',
                       format_html_join("", "<li><code>{}</code>={}</li>",
                                        sorted(other.items())))


def get_locks(rule):
    locks = getattr(rule, "locks", ())
    if not locks:
        return "-"
    words = {"delete": _("deletion"), "show": _("visibility")}
    return ", ".join(str(words.get(lock.resource_action, lock.resource_action))
                     + (f" ({lock.lock_reason})" if lock.lock_reason else "")
                     for lock in locks)


def get_access_key(rule):
    if rule.access_type != "cephx":
        return "-"
    if not rule.access_key:
        return _("(issued once applied)")
    if rule.restricted or rule.access_key == api_access.REDACTED:
        return api_access.REDACTED
    url = reverse("horizon:project:share_rules:key", args=(rule.share_id, rule.id))
    return format_html(
        '<span class="manila-ui-access-key"><code class="manila-ui-key-value">{mask}'
        '</code> <button type="button" class="btn btn-link btn-xs '
        'manila-ui-reveal-key" data-url="{url}" data-hide="{hide}">{show}</button>'
        '</span>', mask=MASK, url=url, show=_("Reveal"), hide=_("Hide"))


# -- overlapping ip rules whose levels differ: which one wins where ---------------
# Rules take effect in one order (priority, then the most specific range, then
# the oldest rule; DESIGN.md), so for clients in the overlap of two rules the
# earlier one wins. The page says so instead of leaving users to guess what
# rw on 10.0.0.0/8 and ro on 10.1.0.0/16 mean together.

# States of rules that are, or are about to be, on the share.
IN_EFFECT = ("active", "applying", "updating", "queued_to_apply",
             "queued_to_update")


@dataclasses.dataclass(frozen=True)
class Conflict:
    winner: api_access.AccessRule
    loser: api_access.AccessRule
    overlap: str
    reason: str

    @property
    def text(self) -> str:
        return gettext("%(w)s (%(wl)s) and %(l)s (%(ll)s) overlap with different "
                       "access levels: clients in %(o)s get %(wl)s, because %(w)s "
                       "comes first (%(reason)s).") % {
            "w": self.winner.access_to, "wl": self.winner.access_level,
            "l": self.loser.access_to, "ll": self.loser.access_level,
            "o": self.overlap, "reason": self.reason}


def _reason(first: api_access.AccessRule, second: api_access.AccessRule) -> str:
    if first.priority != second.priority:
        return gettext("priority %(a)d before %(b)d") % {"a": first.priority,
                                                         "b": second.priority}
    if first.breadth != second.breadth:
        return gettext("the more specific range")
    return gettext("the older rule")


def level_conflicts(rules: list[api_access.AccessRule]) -> list[Conflict]:
    ordered = api_access.effective_order(
        [rule for rule in rules if rule.state in IN_EFFECT and rule.network])
    found = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:]:
            a, b = first.network, second.network
            assert a is not None and b is not None
            if a.version != b.version or not a.overlaps(b):
                continue
            if first.access_level == second.access_level:
                continue
            overlap = a if a.num_addresses <= b.num_addresses else b
            found.append(Conflict(first, second, str(overlap), _reason(first, second)))
    return found


class RulesTable(common_tables.DataTable):
    access_type = tables.Column("access_type", verbose_name=_("Type"))
    access_to = tables.Column(get_access_to, verbose_name=_("Access To"))
    access_level = tables.Column("access_level", verbose_name=_("Level"))
    squash = tables.Column(get_squash, verbose_name=_("Squash"))
    priority = tables.Column(get_priority, verbose_name=_("Priority"))
    state = tables.Column("state", verbose_name=_("State"), status=True,
                          status_choices=STATE_CHOICES,
                          display_choices=STATE_DISPLAY)
    metadata = tables.Column(get_metadata, verbose_name=_("Metadata"))
    locks = tables.Column(get_locks, verbose_name=_("Locks"))
    access_key = tables.Column(get_access_key, verbose_name=_("Access Key"))

    def get_object_display(self, rule):
        return rule.name_or_id

    class Meta:
        name = "rules"
        verbose_name = _("Access Rules (in the order they take effect)")
        status_columns = ["state"]
        row_class = UpdateRow
        table_actions = (AddRule, DeleteRule)
        row_actions = (EditRule, lock_tables.LockRule, DeleteRule, UnlockAndDeleteRule)


class ManageRules(policy.ProjectTargetMixin, tables.LinkAction):
    """The shares table's row action (and the share page's header)."""

    name = "manage_rules"
    verbose_name = _("Manage Rules")
    url = "horizon:project:share_rules:rules"
    policy_rules = (("share", "share:access_get_all"),)
    row_kind = common_tables.same_for_every_row

    def allowed(self, request, share=None):
        return share is None or not (share.status or "").startswith("delet")

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))
