"""The "Share" panel group of the Project dashboard.

Also registers manilaclient's exceptions with Horizon's error handling, so
``horizon.exceptions.handle`` turns a Manila fault into a message (or a
logout, for a 401) instead of a 500.
"""

from django.utils.translation import gettext_lazy as _

from manila_ui.api import exceptions as manila_exceptions

PANEL_GROUP = "share"
PANEL_GROUP_NAME = _("Share")
PANEL_GROUP_DASHBOARD = "project"

# The plugin's static files and translations live in the package.
ADD_INSTALLED_APPS = ["manila_ui"]
ADD_SCSS_FILES = ["manila_ui/scss/manila_ui.scss",
                  "manila_ui/scss/share_rules.scss",
                  "manila_ui/scss/capacity.scss"]
ADD_JS_FILES = ["manila_ui/js/manila_ui.export_locations.js",
                "manila_ui/js/manila_ui.metadata_rows.js",
                "manila_ui/js/manila_ui.share_rules.js",
                "manila_ui/js/manila_ui.share_network_choice.js",
                "manila_ui/js/manila_ui.share_capacity.js"]

ADD_EXCEPTIONS = {
    "recoverable": manila_exceptions.RECOVERABLE,
    "not_found": manila_exceptions.NOT_FOUND,
    "unauthorized": manila_exceptions.UNAUTHORIZED,
}
