"""Project > Share > Shares."""

import horizon
from django.utils.translation import gettext_lazy as _

# A panel shows where the catalog has Manila under any of its names; the
# client itself uses sharev2, else shared-file-system (see api/client.py).
MANILA_SERVICE_PERMISSIONS = (
    ("openstack.services.sharev2",
     "openstack.services.shared-file-system",
     "openstack.services.share"),
)


class Shares(horizon.Panel):
    name = _("Shares")
    slug = "shares"
    permissions = MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share:get_all"),)
