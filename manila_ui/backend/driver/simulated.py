"""The simulated storage back end.

Two back ends, ``alpha`` (thin, first availability zone) and ``beta``
(thick, second zone), one pool each, speaking NFS and CIFS; their capacity
options and reports are in driver/capacity.py.  The driver is stateless:
what is placed on a pool is counted from the share rows by the caller, so
it survives restarts with the database.

Tests (and curious users) steer it with *hints*: the share type's extra
specs overlaid with the share's metadata, read by the caller and passed in.

* ``simulated_driver:fail``: a comma-separated list of operations that
  fail (``create``, ``create_from_snapshot``, ``delete``, ``extend``,
  ``shrink``, ``revert``, ``manage``, ``unmanage``, ``snapshot_create``,
  ``snapshot_delete``, ``snapshot_manage``, ``snapshot_unmanage``,
  ``replica_create``, ``replica_delete``, ``replica_promote``,
  ``replica_resync`` (the replica ends ``out_of_sync``), ``migration_start``,
  ``migration_complete``, and for share groups (hints: their share types'
  extra specs) ``group_create``, ``group_delete``, ``group_snapshot_create``,
  ``group_snapshot_delete``).
* ``simulated_driver:used_gb``: the space written to the share; shrinking
  below it is refused, as a real back end refuses to lose data, and a thin
  pool counts it as used.
* ``simulated_driver:data``: what the share holds (a marker of its
  content): a backup copies it, a restore writes the backup's back into
  the target share, so a restore is observable.  Backups fail with
  ``backup_create``, ``backup_restore``, ``backup_delete`` in the fail hint.

The ``simulated_driver:`` scope keeps these out of the scheduler's
capability matching, as any vendor-scoped extra spec.
"""

from __future__ import annotations

import dataclasses
import datetime
import ipaddress
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from oslo_config import cfg

from manila_ui.backend.driver import exports
from manila_ui.backend.driver.capacity import Capacity
from manila_ui.backend.driver.capacity import Usage
from manila_ui.backend.types.values import INT32_MAX
from manila_ui.backend.types.values import decimal
from manila_ui.backend.types.values import echo

FAIL_HINT = "simulated_driver:fail"
USED_HINT = "simulated_driver:used_gb"
DATA_HINT = "simulated_driver:data"
SIZE_OPTION = "size"   # driver_options of manage: the size the share has


class DriverError(Exception):
    """An operation the back end refused or failed."""


class ShrinkRefused(DriverError):
    """Shrinking would cut off data (Manila's ShareShrinkingPossibleDataLoss)."""


def fails(operation: str, hints: Mapping[str, str]) -> bool:
    wanted = hints.get(FAIL_HINT, "")
    return operation in {item.strip().lower() for item in wanted.split(",")}


def check(operation: str, hints: Mapping[str, str]) -> None:
    if fails(operation, hints):
        raise DriverError(f"the simulated back end was told to fail {operation}")


def used_gb(hints: Mapping[str, str]) -> int:
    return decimal(hints.get(USED_HINT, "0")) or 0


@dataclasses.dataclass(frozen=True)
class Pool:
    host: str                 # host@backend
    backend: str
    pool: str
    availability_zone: str
    capacity: Capacity        # read from the config when the pool is asked for
    backend_name: str
    replication_domain: str | None = None
    # The squash modes this pool honours in access rules (our extension;
    # none: it exports everything no_root_squash, as Manila's drivers do).
    squash_modes: tuple[str, ...] = ()
    # DHSS=True back ends create share servers (see driver/network.py).
    driver_handles_share_servers: bool = False
    # Snapshots of its shares can be mounted (2.32).
    mount_snapshot_support: bool = True

    @property
    def name(self) -> str:
        return f"{self.host}#{self.pool}"

    def capabilities(self, usage: Usage) -> dict[str, Any]:
        """What the pool reports, as Manila's scheduler-stats show it."""
        return {
            "pool_name": self.pool,
            # Manila's keys of drivers that report thin provisioning.
            **self.capacity.report(usage),
            "dedupe": False,
            "compression": False,
            "qos_type_support": True,   # as Manila's DummyDriver
            "snapshot_support": True,
            "create_share_from_snapshot_support": True,
            "revert_to_snapshot_support": True,
            "mount_snapshot_support": self.mount_snapshot_support,
            "snapshot_inherit_share_access_support": False,
            "driver_handles_share_servers": self.driver_handles_share_servers,
            "share_backend_name": self.backend_name,
            "storage_protocol": "NFS_CIFS",
            "vendor_name": "manila-ui",
            "driver_version": "1.0",
            "replication_domain": self.replication_domain,
            # As Manila's dummy driver: readable replicas in a domain.
            "replication_type": "readable" if self.replication_domain else None,
            "encryption_support": None,
            "ipv4_support": True,
            "ipv6_support": True,
            "security_service_update_support": self.driver_handles_share_servers,
            "network_allocation_update_support": self.driver_handles_share_servers,
            "share_server_multiple_subnet_support": self.driver_handles_share_servers,
            "squash_support": bool(self.squash_modes),
            "squash_modes": list(self.squash_modes),
            "share_replicas_migration_support": False,
            # Share groups: snapshots of a group are consistent per pool
            # (as Manila's DummyDriver reports).
            "sg_consistent_snapshot_support": "pool",
            "timestamp": datetime.datetime.now(datetime.UTC)
            .replace(tzinfo=None).isoformat(),
        }


@dataclasses.dataclass(frozen=True)
class ExportPath:
    id: str
    path: str
    preferred: bool
    is_admin_only: bool = False

    def row(self) -> tuple[str, str, bool, bool]:
        return self.id, self.path, self.preferred, self.is_admin_only


_SHARE_NAME = re.compile(r"share_[0-9a-f_]{36}$")


class SimulatedDriver:
    def __init__(self, conf: cfg.ConfigOpts) -> None:
        self._conf = conf
        opts = conf.simulated_driver
        self._export_ips = [ipaddress.ip_address(ip) for ip in opts.export_ips]
        self._admin_ips = [ipaddress.ip_address(ip) for ip in opts.admin_export_ips]
        self.access = exports.AccessDriver(Path(conf.state_path) / "exports",
                                           exports.parse_access_types(opts.access_types))

    def pools(self) -> list[Pool]:
        """The back ends' pools, with their capacity options as they are
        now (mutable: a SIGHUP reload changes them)."""
        conf = self._conf
        opts = conf.simulated_driver
        zones = list(opts.availability_zones) or ["nova"]
        second = zones[1] if len(zones) > 1 else zones[0]
        domain = opts.replication_domain or None
        squash = tuple(m for m in opts.squash_modes if m in exports.SQUASH_MODES)

        def pool(backend: str, zone: str, **extra: Any) -> Pool:
            return Pool(host=f"{conf.host}@{backend}", backend=backend,
                        pool=f"pool_{backend}", availability_zone=zone,
                        capacity=Capacity.of(conf, backend),
                        backend_name=backend.upper(), replication_domain=domain,
                        mount_snapshot_support=backend in opts.mount_snapshot_backends,
                        **extra)

        found = [
            pool("alpha", zones[0],
                 squash_modes=squash if "alpha" in opts.squash_backends else ()),
            pool("beta", second,
                 squash_modes=squash if "beta" in opts.squash_backends else ()),
        ]
        if opts.dhss_backend:
            # No replication on share servers (as the reference's dummy back
            # end GAMMA).
            found.append(dataclasses.replace(
                pool("gamma", zones[0], driver_handles_share_servers=True),
                replication_domain=None))
        return found

    def availability_zones(self) -> list[str]:
        return sorted({pool.availability_zone for pool in self.pools()})

    def pool(self, name: str | None) -> Pool | None:
        return next((p for p in self.pools() if p.name == name), None)

    def create_share(self, share_id: str, share_proto: str,
                     hints: Mapping[str, str]) -> list[ExportPath]:
        """Provision a share: its export locations (the first IPv4 one
        preferred, plus admin-only ones on the admin network).  A share
        made from a snapshot is then still copying its data (Manila's
        ``creating_from_snapshot``) until ``finish_create_from_snapshot``."""
        check("create", hints)
        return self._exports(share_id, share_proto)

    def finish_create_from_snapshot(self, share_id: str,
                                    hints: Mapping[str, str]) -> None:
        check("create_from_snapshot", hints)

    def _exports(self, share_id: str, share_proto: str) -> list[ExportPath]:
        paths = [ExportPath(id=str(uuid.uuid4()),
                            path=self._path(ip, share_id, share_proto),
                            preferred=index == 0)
                 for index, ip in enumerate(self._export_ips)]
        paths += [ExportPath(id=str(uuid.uuid4()),
                             path=self._path(ip, share_id, share_proto),
                             preferred=False, is_admin_only=True)
                  for ip in self._admin_ips]
        return paths

    def delete_share(self, share_id: str, hints: Mapping[str, str]) -> None:
        """Nothing to release but the share's exports file."""
        check("delete", hints)
        self.access.forget(share_id)

    def extend_share(self, share_id: str, new_size: int,
                     hints: Mapping[str, str]) -> None:
        check("extend", hints)

    def shrink_share(self, share_id: str, new_size: int,
                     hints: Mapping[str, str]) -> None:
        check("shrink", hints)
        if new_size < used_gb(hints):
            raise ShrinkRefused(f"{used_gb(hints)} GB are in use")

    def revert_to_snapshot(self, share_id: str, snapshot_id: str,
                           hints: Mapping[str, str]) -> None:
        check("revert", hints)

    def manage_existing(self, export_path: str, share_id: str, share_proto: str,
                        driver_options: Mapping[str, Any],
                        hints: Mapping[str, str]) -> tuple[int, list[ExportPath]]:
        """Take over a share this back end exported at ``export_path``
        (a path in our own format); its size comes from the driver option
        ``size`` (default 1, as Manila's dummy driver answers)."""
        check("manage", hints)
        # The last component of an NFS (host:/shares/x) or UNC (\\host\x)
        # path names the share on the back end.
        name = re.split(r"[/\\]", export_path.rstrip("/\\"))[-1]
        if not _SHARE_NAME.match(name):
            raise DriverError(f"no share is exported at {export_path}")
        size = _size_option(driver_options)
        return size, [ExportPath(id=str(uuid.uuid4()), path=export_path, preferred=True)]

    def unmanage(self, share_id: str, hints: Mapping[str, str]) -> None:
        check("unmanage", hints)

    # -- replicas and migrations: instances of a share, named by their id ----

    def create_replica(self, instance_id: str, share_proto: str,
                       hints: Mapping[str, str]) -> list[ExportPath]:
        """A new replica, in sync once created (as Manila's dummy driver)."""
        check("replica_create", hints)
        return self._exports(instance_id, share_proto)

    def delete_replica(self, instance_id: str, hints: Mapping[str, str]) -> None:
        check("replica_delete", hints)
        self.access.forget(instance_id)

    def promote_replica(self, instance_id: str, hints: Mapping[str, str]) -> None:
        check("replica_promote", hints)

    def replica_state(self, instance_id: str, hints: Mapping[str, str]) -> str:
        """What a resync finds: in sync, unless told otherwise."""
        return "out_of_sync" if fails("replica_resync", hints) else "in_sync"

    def migration_start(self, instance_id: str, hints: Mapping[str, str]) -> None:
        check("migration_start", hints)

    def migration_complete(self, instance_id: str, share_proto: str,
                           hints: Mapping[str, str]) -> list[ExportPath]:
        """The destination's export locations."""
        check("migration_complete", hints)
        return self._exports(instance_id, share_proto)

    def create_snapshot(self, snapshot_id: str, hints: Mapping[str, str]) -> str:
        """Take a snapshot; returns its provider location."""
        check("snapshot_create", hints)
        return "/snapshots/snapshot_" + snapshot_id.replace("-", "_")

    def delete_snapshot(self, snapshot_id: str, hints: Mapping[str, str]) -> None:
        check("snapshot_delete", hints)

    def manage_existing_snapshot(self, provider_location: str,
                                 driver_options: Mapping[str, Any],
                                 hints: Mapping[str, str]) -> int:
        check("snapshot_manage", hints)
        if not provider_location.startswith("/snapshots/snapshot_"):
            raise DriverError(f"no snapshot at {provider_location}")
        return _size_option(driver_options)

    def unmanage_snapshot(self, snapshot_id: str, hints: Mapping[str, str]) -> None:
        check("snapshot_unmanage", hints)

    # -- share groups: one consistent point in time for every member ---------

    def create_share_group(self, group_id: str, hints: Mapping[str, str]) -> None:
        check("group_create", hints)

    def delete_share_group(self, group_id: str, hints: Mapping[str, str]) -> None:
        check("group_delete", hints)

    def create_share_group_snapshot(self, snapshot_id: str, member_ids: list[str],
                                    hints: Mapping[str, str]) -> dict[str, str]:
        """Snapshot every member at once; returns each member's provider
        location."""
        check("group_snapshot_create", hints)
        return {member: "/snapshots/group_snapshot_" + member.replace("-", "_")
                for member in member_ids}

    def delete_share_group_snapshot(self, snapshot_id: str,
                                    hints: Mapping[str, str]) -> None:
        check("group_snapshot_delete", hints)
    # Driver-assisted backups (Manila's create_backup / restore_backup): the
    # back end keeps the copy; restoring into another share is supported.
    restore_to_target_support = True

    def create_backup(self, backup_id: str, hints: Mapping[str, str]) -> str:
        """Copy the share; returns the content marker the backup keeps."""
        check("backup_create", hints)
        return hints.get(DATA_HINT, "")

    def restore_backup(self, backup_id: str, content: str | None,
                       hints: Mapping[str, str]) -> str:
        """Overwrite the target share (whose hints are given) with the
        backup; returns what the share holds afterwards."""
        check("backup_restore", hints)
        return content or ""

    def delete_backup(self, backup_id: str, hints: Mapping[str, str]) -> None:
        check("backup_delete", hints)

    @staticmethod
    def snapshot_exports(snapshot_id: str,
                         share_exports: list[ExportPath]) -> list[ExportPath]:
        """Where a mountable snapshot is exported: beside its share, on the
        same addresses (a share server's, for DHSS=True), read-only."""
        name = "snapshot_" + snapshot_id.replace("-", "_")
        found = []
        for el in share_exports:
            head, sep, _tail = el.path.rpartition("\\" if "\\" in el.path else "/")
            if head.endswith("/shares"):
                head = head[: -len("shares")] + "snapshots"
            found.append(ExportPath(id=str(uuid.uuid4()), path=f"{head}{sep}{name}",
                                    preferred=el.preferred, is_admin_only=el.is_admin_only))
        return found

    @staticmethod
    def _path(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, share_id: str,
              share_proto: str) -> str:
        name = "share_" + share_id.replace("-", "_")
        if share_proto == "CIFS":
            # UNC paths cannot hold an IPv6 literal; Windows spells it as an
            # ipv6-literal.net name.
            host = (str(ip) if ip.version == 4 else
                    str(ip).replace(":", "-") + ".ipv6-literal.net")
            return f"\\\\{host}\\{name}"
        host = str(ip) if ip.version == 4 else f"[{ip}]"
        return f"{host}:/shares/{name}"

    # Shares on share servers are exported alike (driver/network.py).
    export_path = _path


def _size_option(driver_options: Mapping[str, Any]) -> int:
    value = driver_options.get(SIZE_OPTION, "1")
    size = decimal(value if isinstance(value, str) else str(value), 1, INT32_MAX)
    if size is None:
        raise DriverError(f"driver option size must be a positive integer: {echo(value)}")
    return size
