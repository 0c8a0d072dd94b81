"""oslo.policy rules in code, one module per resource.

``list_rules`` is the ``oslo.policy.policies`` entry point
``manila_ui_backend``: ``oslopolicy-sample-generator --namespace
manila_ui_backend`` renders them, and the dashboard's policy file is
generated from them.
"""

from __future__ import annotations

import itertools

from oslo_policy import policy

from manila_ui.backend.policies import availability_zones
from manila_ui.backend.policies import base
from manila_ui.backend.policies import export_locations
from manila_ui.backend.policies import messages
from manila_ui.backend.policies import mountable_snapshots
from manila_ui.backend.policies import pools
from manila_ui.backend.policies import qos_types
from manila_ui.backend.policies import quota_sets
from manila_ui.backend.policies import resource_locks
from manila_ui.backend.policies import security_services
from manila_ui.backend.policies import services
from manila_ui.backend.policies import share_access
from manila_ui.backend.policies import share_backups
from manila_ui.backend.policies import share_group_snapshots
from manila_ui.backend.policies import share_group_types
from manila_ui.backend.policies import share_groups
from manila_ui.backend.policies import share_instances
from manila_ui.backend.policies import share_migration
from manila_ui.backend.policies import share_network_subnets
from manila_ui.backend.policies import share_networks
from manila_ui.backend.policies import share_replicas
from manila_ui.backend.policies import share_servers
from manila_ui.backend.policies import share_types
from manila_ui.backend.policies import shares
from manila_ui.backend.policies import snapshots
from manila_ui.backend.policies import transfers


def list_rules() -> list[policy.RuleDefault]:
    return list(itertools.chain(
        base.rules,
        shares.rules,
        export_locations.rules,
        snapshots.rules,
        mountable_snapshots.rules,
        transfers.rules,
        share_types.rules,
        availability_zones.rules,
        pools.rules,
        services.rules,
        quota_sets.rules,
        messages.rules,
        share_networks.rules,
        share_network_subnets.rules,
        security_services.rules,
        share_servers.rules,
        share_access.rules,
        resource_locks.rules,
        share_group_types.rules,
        share_groups.rules,
        share_group_snapshots.rules,
        share_backups.rules,
        qos_types.rules,
        share_instances.rules,
        share_replicas.rules,
        share_migration.rules,
    ))
