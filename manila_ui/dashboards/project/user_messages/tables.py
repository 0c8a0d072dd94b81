"""User messages: what Manila says about failed asynchronous operations."""

from django.urls import NoReverseMatch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from horizon import tables
from horizon.utils import filters

from manila_ui.api import messages as api_messages
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy

# Where a message's resource can be looked at, by Manila resource type.
RESOURCE_URLS = {
    "SHARE": "horizon:project:shares:detail",
    "SHARE_SNAPSHOT": "horizon:project:share_snapshots:detail",
}

# What users read for Manila's resource types (others are shown as sent).
RESOURCE_TYPES = {
    "SHARE": _("Share"),
    "SHARE_SNAPSHOT": _("Snapshot"),
    "SHARE_GROUP": _("Share Group"),
    "SHARE_GROUP_SNAPSHOT": _("Share Group Snapshot"),
    "SHARE_NETWORK": _("Share Network"),
    "SHARE_NETWORK_SUBNET": _("Share Network Subnet"),
    "SHARE_SERVER": _("Share Server"),
    "SECURITY_SERVICE": _("Security Service"),
}


def resource_type_label(resource_type):
    return RESOURCE_TYPES.get((resource_type or "").upper(), resource_type)


class DeleteMessage(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                    tables.DeleteAction):
    policy_rules = (("share", "message:delete"),)
    api_call = staticmethod(api_messages.message_delete)
    failure_message = _("Unable to delete the message.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Message", "Delete Messages", count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Message", "Deleted Messages", count)


class MessagesFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("resource_id", "resource_type",
                                                 "message_level")


def resource_link(message, urls=RESOURCE_URLS):
    url = urls.get((message.resource_type or "").upper())
    if not url or not message.resource_id:
        return None
    try:
        return reverse(url, args=(message.resource_id,))
    except NoReverseMatch:
        return None


class MessagesTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    level = tables.Column("message_level", verbose_name=_("Level"))
    message = tables.WrappingColumn(
        "user_message", verbose_name=_("Message"),
        link="horizon:project:user_messages:detail")
    resource_type = tables.Column("resource_type",
                                  verbose_name=_("Resource Type"),
                                  filters=(resource_type_label,))
    resource_id = tables.Column("resource_id", verbose_name=_("Resource"),
                                link=resource_link)
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime,
                                     filters.timesince_sortable),
                            attrs={"data-type": "timesince"})
    expires = tables.Column("expires_at", verbose_name=_("Expires"),
                            filters=(filters.parse_isotime,))

    def get_object_display(self, message):
        return message.user_message or message.id

    class Meta:
        name = "user_messages"
        verbose_name = _("User Messages")
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (MessagesFilterAction, DeleteMessage)
        row_actions = (DeleteMessage,)
