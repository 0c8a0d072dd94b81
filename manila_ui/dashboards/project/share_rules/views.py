"""Views of a share's access rules: the rules page, Add and Edit (modal
forms), and the access key a cephx rule's "Reveal" button fetches.

The rules page costs a constant number of calls whatever the number of
rules: the share, the share types (for ``squash_support``), the rules and
the locks on them.
"""

from django import http
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import generic
from django.views.decorators.cache import never_cache
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon.utils import memoized

from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import resource_locks as api_locks
from manila_ui.api import share_access as api_access
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.share_rules import forms as rule_forms
from manila_ui.dashboards.project.share_rules import tables as rule_tables

SHARES_INDEX = "horizon:project:shares:index"
SQUASH_SPEC = "squash_support"


def squash_supported(request, share):
    """Whether the share's type advertises squash_support (as a user sees
    the type: a Manila that keeps the spec from users means no)."""
    try:
        types = api_share_types.share_type_list(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve the share's type."))
        return False
    for share_type in types:
        if share.share_type in (share_type.id, share_type.name):
            value = str((share_type.extra_specs or {}).get(SQUASH_SPEC, ""))
            return value.lower().replace("<is>", "").strip() in (
                "true", "1", "yes", "on", "t", "y")
    return False


class ShareMixin:
    @memoized.memoized_method
    def get_share(self):
        try:
            return api_shares.share_get(self.request, self.kwargs["share_id"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the share."),
                              redirect=reverse(SHARES_INDEX))
            raise

    def rules_url(self):
        return reverse("horizon:project:share_rules:rules",
                       args=(self.kwargs["share_id"],))


class ManageRulesView(ShareMixin, tables.DataTableView):
    table_class = rule_tables.RulesTable
    template_name = "project/share_rules/index.html"
    page_title = _("Access Rules: {{ share.name_or_id }}")

    def get_tables(self):
        # The table's actions check policy against the share's project.
        self.kwargs["share"] = self.get_share()
        return super().get_tables()

    def get_data(self):
        share = self.get_share()
        try:
            rules = api_access.access_rule_list(self.request, share.id)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the access rules."))
            return []
        try:
            locks = api_locks.rule_locks(self.request, [rule.id for rule in rules])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the rules' locks."))
            locks = {}
        for rule in rules:
            rule.locks = locks.get(rule.id, [])
        return rules

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        share = self.get_share()
        context["share"] = share
        context["share_url"] = reverse("horizon:project:shares:detail",
                                       args=(share.id,))
        context["conflicts"] = rule_tables.level_conflicts(self.table.data or [])
        return context


class RuleFormMixin(policy.PolicyCheckedView, ShareMixin):
    def policy_object(self):
        return self.get_share()

    def get_success_url(self):
        return self.rules_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["share"] = self.get_share()
        context["submit_url"] = self.request.path
        context["cancel_url"] = self.rules_url()
        return context


class AddRuleView(RuleFormMixin, forms.ModalFormView):
    form_class = rule_forms.AddRuleForm
    policy_rules = rule_tables.AddRule.policy_rules
    form_id = "add_rule_form"
    template_name = "project/share_rules/add.html"
    modal_id = "add_rule_modal"
    modal_header = _("Add Rule")
    submit_label = _("Add Rule")
    page_title = _("Add Rule")

    def get_initial(self):
        share = self.get_share()
        return {"share_id": share.id,
                "squash_supported": squash_supported(self.request, share)}


class EditRuleView(RuleFormMixin, forms.ModalFormView):
    form_class = rule_forms.EditRuleForm
    policy_rules = rule_tables.EditRule.policy_rules
    form_id = "edit_rule_form"
    template_name = "project/share_rules/edit.html"
    modal_id = "edit_rule_modal"
    modal_header = _("Edit Rule")
    submit_label = _("Save Changes")
    page_title = _("Edit Rule")

    @memoized.memoized_method
    def get_rule(self):
        try:
            rule = api_access.access_rule_get(self.request, self.kwargs["rule_id"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the rule."),
                              redirect=self.rules_url())
            raise
        if rule.share_id != self.kwargs["share_id"]:
            exceptions.handle(self.request, _("The rule is not this share's."),
                              redirect=self.rules_url())
        return rule

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rule"] = self.get_rule()
        return context

    def get_initial(self):
        rule = self.get_rule()
        share = self.get_share()
        metadata = rule.metadata or {}
        initial = {"share_id": share.id, "rule_id": rule.id, "rule": rule,
                   "squash_supported": squash_supported(self.request, share),
                   "access_level": rule.access_level,
                   "metadata": rule.other_metadata,
                   "squash": metadata.get(api_access.SQUASH_KEY, "")}
        for key in (*api_access.ANON_KEYS, api_access.PRIORITY_KEY):
            if str(metadata.get(key, "")).isdigit():
                initial[key] = int(metadata[key])
        return initial


@method_decorator(never_cache, name="dispatch")
class AccessKeyView(generic.View):
    """A cephx rule's key, fetched when its owner clicks "Reveal": it is
    never part of a rendered page."""

    def get(self, request, share_id, rule_id):
        try:
            rule = api_access.access_rule_get(request, rule_id)
        except api_exceptions.NotFound:
            return http.JsonResponse({"error": "not found"}, status=404)
        except Exception:
            return http.JsonResponse({"error": "unavailable"}, status=503)
        if rule.share_id != share_id or rule.restricted or not rule.access_key:
            return http.JsonResponse({"error": "no key"}, status=404)
        return http.JsonResponse({"access_key": rule.access_key})
