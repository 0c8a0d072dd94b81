"""Admin > Share > QoS Types (Manila 2.94+)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class QosTypes(policy.Panel):
    name = _("QoS Types")
    slug = "qos_types"
    # One nested tuple (AND): members may list QoS types, only admins manage them.
    policy_rules = ((("share", "qos_type:index"), ("share", "qos_type:create")),)

    def allowed(self, context):
        return super().allowed(context) and not utils.known_to_lack(
            context["request"], "qos_types")
