# Settings for the manila-ui plugin. Horizon exec()s this file inside its
# settings module, after local_settings.py, so the names below are Horizon's.

import os as _os

import manila_ui as _manila_ui

_MANILA_UI_CONF = _os.path.join(_os.path.dirname(_manila_ui.__file__), "conf")

# Policy for the "share" scope: the defaults generated from the rules in code
# (make genpolicy) plus an optional operator override file. Absolute paths,
# so nothing has to be copied into openstack_dashboard/conf.
POLICY_FILES["share"] = _os.path.join(_MANILA_UI_CONF, "manila_policy.yaml")
DEFAULT_POLICY_FILES["share"] = _os.path.join(
    _MANILA_UI_CONF, "default_policies", "manila.yaml")

# Plugin options; an operator may override any key in local_settings.py by
# defining OPENSTACK_MANILA_FEATURES there first.
_MANILA_UI_DEFAULTS = {
    # Offered in Create Share when the user may not read the back ends'
    # pools (where the real list comes from).
    "enabled_share_protocols": ["NFS", "CIFS", "CephFS", "GlusterFS",
                                "HDFS", "MapRFS"],
    # Show "Visible to all projects" in Create Share (policy
    # share:create_public_share still decides per user).
    "enable_public_shares": True,
    # Cap the negotiated Manila microversion below python-manilaclient's
    # maximum (e.g. "2.65"); None talks at the highest version both know.
    "max_api_version": None,
    # Seconds to wait for an answer from Manila before giving up with a
    # message (a hung API would otherwise hold a Horizon worker).
    "api_timeout": 30,
}
try:
    OPENSTACK_MANILA_FEATURES = {**_MANILA_UI_DEFAULTS,
                                 **OPENSTACK_MANILA_FEATURES}
except NameError:
    OPENSTACK_MANILA_FEATURES = dict(_MANILA_UI_DEFAULTS)
