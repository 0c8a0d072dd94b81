"""Manila's services: one list call (Manila does not page them).  A share
service is disabled with a reason (2.83) and enabled again; ensure shares
(2.86) has a back end re-export its shares.  Rows ensuring shares update
themselves."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables

from manila_ui.api import services as api_services
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import utils

STATE_DISPLAY_CHOICES = (
    ("up", pgettext_lazy("State of a service", "Up")),
    ("down", pgettext_lazy("State of a service", "Down")),
    ("stopped", pgettext_lazy("State of a service", "Stopped")),
)
STATUS_DISPLAY_CHOICES = (
    ("enabled", pgettext_lazy("Status of a service", "Enabled")),
    ("disabled", pgettext_lazy("Status of a service", "Disabled")),
)


def find(services, service_id):
    """The service of an id (Manila's integer, unique per deployment)."""
    found = next((s for s in services if str(s.id) == str(service_id)), None)
    if found is None:
        raise exceptions.NotFound(_("No service %s.") % service_id)
    return found


class ServiceAction:
    """An action on one row: its host and binary come from the row."""

    api_call = None
    failure_message = ""

    def action(self, request, obj_id):
        service = self.table.get_object_by_id(obj_id)
        try:
            self.api_call(request, service.host, service.binary)
        except Exception:
            exceptions.handle(request, self.failure_message, escalate=True)


class DisableService(tables.LinkAction):
    name = "disable"
    verbose_name = _("Disable")
    url = "horizon:admin:share_services:disable"
    classes = ("ajax-modal", "btn-danger")
    policy_rules = (("share", "service:update"),)
    row_kind = common_tables.same_for_every_row   # its link: the row's id

    def get_link_url(self, service):
        return reverse(self.url, args=(service.id,))

    def allowed(self, request, service=None):
        return service is None or (service.is_share_service
                                   and service.status == "enabled")


class EnableService(ServiceAction, tables.BatchAction):
    name = "enable"
    policy_rules = (("share", "service:update"),)
    failure_message = _("Unable to enable the service.")

    @staticmethod
    def api_call(request, host, binary):
        api_services.service_enable(request, host, binary)

    @staticmethod
    def action_present(count):
        return ngettext("Enable Service", "Enable Services", count)

    @staticmethod
    def action_past(count):
        return ngettext("Enabled Service", "Enabled Services", count)

    def allowed(self, request, service=None):
        return service is None or service.status == "disabled"


class EnsureShares(ServiceAction, tables.BatchAction):
    name = "ensure_shares"
    help_text = _("The back end re-exports its shares and applies their access rules "
                  "again; they show as ensuring meanwhile.")
    policy_rules = (("share", "service:ensure_shares"),)
    failure_message = _("Unable to ensure the shares.")

    @staticmethod
    def api_call(request, host, binary):
        api_services.ensure_shares(request, host)

    @staticmethod
    def action_present(count):
        return ngettext("Ensure Shares", "Ensure Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext("Ensuring the shares of a back end",
                             "Ensuring the shares of back ends", count)

    def allowed(self, request, service=None):
        if not utils.supports(request, "ensure_shares"):
            return False
        return service is None or (service.is_share_service and service.state == "up"
                                   and not service.ensuring)


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, service_id):
        return find(api_services.service_list(request), service_id)


def status_with_reason(service):
    label = dict(STATUS_DISPLAY_CHOICES).get(service.status, service.status)
    if service.disabled_reason:
        return f"{label} ({service.disabled_reason})"
    return label


class ServicesTable(common_tables.DataTable):
    binary = tables.Column("binary", verbose_name=_("Service"))
    host = tables.Column("host", verbose_name=_("Host"))
    zone = tables.Column("zone", verbose_name=_("Availability Zone"), empty_value="-")
    status = tables.Column(status_with_reason, verbose_name=_("Status"))
    state = tables.Column("state", verbose_name=_("State"),
                          display_choices=STATE_DISPLAY_CHOICES)
    ensuring = tables.Column("ensure_state", verbose_name=_("Shares"), status=True,
                             status_choices=(("idle", True), ("ensuring", None)),
                             display_choices=(("idle", "-"),
                                              ("ensuring", _("Ensuring shares"))))
    updated_at = tables.Column("updated_at", verbose_name=_("Last Heartbeat"),
                               empty_value="-")

    def get_object_id(self, datum):
        return str(datum.id)

    def get_object_display(self, datum):
        return datum.host

    class Meta:
        name = "share_services"
        verbose_name = _("Services")
        row_class = UpdateRow
        status_columns = ("ensuring",)
        row_actions = (DisableService, EnableService, EnsureShares)
        table_actions = ()
        multi_select = False
