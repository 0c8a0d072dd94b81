# Settings for the manila-ui plugin. Horizon exec()s this file inside its settings
# module, after local_settings.py, so the names below are Horizon's and whatever an
# operator set in local_settings.py is already defined. It changes nothing of Horizon's
# own behaviour: only the "share" policy scope and OPENSTACK_MANILA_FEATURES.

import logging as _logging
import os as _os

import manila_ui as _manila_ui

_MANILA_UI_CONF = _os.path.join(_os.path.dirname(_manila_ui.__file__), "conf")

# Policy for the "share" scope. The rule defaults (generated from the rules in code,
# `make genpolicy`) ship in the package. Operators override rules without touching
# site-packages: a manila_policy.yaml in Horizon's POLICY_FILES_PATH (where the other
# services' policy files are), or POLICY_FILES["share"] set in local_settings.py.
_MANILA_UI_OVERRIDES = _os.path.join(POLICY_FILES_PATH, "manila_policy.yaml")
POLICY_FILES.setdefault("share", _MANILA_UI_OVERRIDES if _os.path.isfile(_MANILA_UI_OVERRIDES)
                        else _os.path.join(_MANILA_UI_CONF, "manila_policy.yaml"))
DEFAULT_POLICY_FILES.setdefault(
    "share", _os.path.join(_MANILA_UI_CONF, "default_policies", "manila.yaml"))

# OPENSTACK_MANILA_FEATURES: an operator's keys (set in local_settings.py) win over these
# defaults. Every key upstream manila-ui documents is either honoured here or listed in
# _MANILA_UI_UNUSED_FEATURES with the reason, and setting it logs a warning.
_MANILA_UI_FEATURES = {
    # Offered in Create Share when the user may not read the back ends' pools (where
    # the real list comes from).
    "enabled_share_protocols": ["NFS", "CIFS", "CephFS", "GlusterFS", "HDFS", "MapRFS"],
    # Show "Visible to all projects" in Create Share and Edit Share (policy
    # share:create_public_share / share:set_public_share still decides per user).
    "enable_public_shares": True,
    # Cap the negotiated Manila microversion below python-manilaclient's maximum
    # (e.g. "2.65"); None talks at the highest version both know.
    "max_api_version": None,
    # Seconds to wait for an answer from Manila before giving up with a message (a
    # hung API would otherwise hold a Horizon worker).
    "api_timeout": 30,
    # The share group panels (Project and Admin) and Create Share's "Share group"
    # choice; they also need Manila 2.55.
    "enable_share_groups": True,
    # A replicated share's Replicas tab (it also needs Manila 2.56).
    "enable_replication": True,
    # The migration actions of Admin › Shares (they also need Manila 2.96).
    "enable_migration": True,
    # Offer "Public" in Create Share Group Type (else every new group type is private).
    "enable_public_share_group_type_creation": True,
}
_MANILA_UI_UNUSED_FEATURES = {
    "enable_public_share_type_creation":
        "Create Share Type always offers Public; policy share_type:create decides",
}
try:
    _MANILA_UI_SET = dict(OPENSTACK_MANILA_FEATURES)
except NameError:
    _MANILA_UI_SET = {}
for _key in sorted(_MANILA_UI_SET):
    if _key in _MANILA_UI_UNUSED_FEATURES:
        _logging.getLogger("manila_ui").warning(
            "OPENSTACK_MANILA_FEATURES[%r] has no effect: %s", _key,
            _MANILA_UI_UNUSED_FEATURES[_key])
    elif _key not in _MANILA_UI_FEATURES:
        _logging.getLogger("manila_ui").warning(
            "OPENSTACK_MANILA_FEATURES[%r] is not a manila-ui setting (known: %s)", _key,
            ", ".join(sorted(_MANILA_UI_FEATURES)))
OPENSTACK_MANILA_FEATURES = {**_MANILA_UI_FEATURES, **_MANILA_UI_SET}
