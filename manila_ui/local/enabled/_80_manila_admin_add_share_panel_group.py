"""The "Share" panel group of the Admin dashboard."""

from django.utils.translation import gettext_lazy as _

PANEL_GROUP = "share"
PANEL_GROUP_NAME = _("Share")
PANEL_GROUP_DASHBOARD = "admin"
