"""The dashboard's only door to Manila: small ``verb(request, ...)`` functions.

Nothing outside this package imports python-manilaclient.
"""

from manila_ui.api import availability_zones
from manila_ui.api import client
from manila_ui.api import exceptions
from manila_ui.api import limits
from manila_ui.api import messages
from manila_ui.api import microversions
from manila_ui.api import pools
from manila_ui.api import share_types
from manila_ui.api import shares

__all__ = [
    "availability_zones",
    "client",
    "exceptions",
    "limits",
    "messages",
    "microversions",
    "pools",
    "share_types",
    "shares",
]
