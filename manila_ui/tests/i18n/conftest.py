"""The dashboard fixtures (shares_of, networks_of, groups_of) for the translation tests."""

from manila_ui.tests.dashboards.conftest import _fresh_version_cache  # noqa: F401
from manila_ui.tests.dashboards.conftest import groups_of  # noqa: F401
from manila_ui.tests.dashboards.conftest import networks_of  # noqa: F401
from manila_ui.tests.dashboards.conftest import shares_of  # noqa: F401
