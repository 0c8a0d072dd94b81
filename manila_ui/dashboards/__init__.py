"""The plugin's panels, and what they share.

Loading them makes Horizon log a handled Manila 404 as one line
(``utils.OneLineNotFound``).
"""

import logging

from manila_ui.dashboards import utils

logging.getLogger("horizon.exceptions").addFilter(utils.NOT_FOUND_LOGS)
