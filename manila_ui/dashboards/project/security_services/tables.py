"""The project's security services: one page in one call.

Never a password: the API layer drops it from Manila's answers.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from horizon import tables
from horizon.utils import filters

from manila_ui.api import security_services as api_services
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy

TYPE_DISPLAY = {
    "ldap": _("LDAP"),
    "kerberos": _("Kerberos"),
    "active_directory": _("Active Directory"),
}


class CreateSecurityService(tables.LinkAction):
    name = "create"
    verbose_name = _("Create Security Service")
    url = "horizon:project:security_services:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "security_service:create"),)


class EditSecurityService(policy.ProjectTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Security Service")
    url = "horizon:project:security_services:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "security_service:update"),)


class DeleteSecurityService(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                            tables.DeleteAction):
    help_text = _("A security service used by a share network cannot be deleted: "
                  "remove it from the network first.")
    policy_rules = (("share", "security_service:delete"),)
    api_call = staticmethod(api_services.security_service_delete)
    failure_message = _("Unable to delete the security service.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Security Service", "Delete Security Services",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Security Service", "Deleted Security Services",
                             count)


class SecurityServicesFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "type")


def get_type(service):
    return TYPE_DISPLAY.get(service.type or "", service.type or "-")


def get_networks(service):
    return len(service.share_networks or [])


class SecurityServicesTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:project:security_services:detail")
    type = tables.Column(get_type, verbose_name=_("Type"))
    server = tables.Column("server", verbose_name=_("Server"), empty_value="-")
    domain = tables.Column("domain", verbose_name=_("Domain"), empty_value="-")
    networks = tables.Column(get_networks, verbose_name=_("Share Networks"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, service):
        return service.name_or_id

    class Meta:
        name = "security_services"
        verbose_name = _("Security Services")
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (SecurityServicesFilterAction, CreateSecurityService,
                         DeleteSecurityService)
        row_actions = (EditSecurityService, DeleteSecurityService)


def detail_url(service):
    return reverse("horizon:project:security_services:detail", args=(service.id,))
