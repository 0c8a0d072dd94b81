"""Configuration options of the bundled Manila backend (oslo.config).

Every process builds its own ``ConfigOpts`` with :func:`build_conf`, so
several backends can live in one Python process (tests) without sharing a
global.  ``list_opts`` feeds ``oslo-config-generator``.

Options marked ``mutable=True`` take a new value from the config files on
SIGHUP (:func:`reload`), as in OpenStack services.  To make another option
reloadable: mark it mutable and read ``conf.<option>`` where it is used
(never copy it at start-up); if a change needs an action, add it to
:func:`apply_changes`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from oslo_config import cfg

from manila_ui.backend.driver import capacity
from manila_ui.backend.driver import network

PROJECT = "manila_ui_backend"
LOG = logging.getLogger(__name__)

default_opts: list[cfg.Opt] = [
    cfg.HostAddressOpt("bind_host", default="127.0.0.1",
                       help="Address the API listens on."),
    cfg.PortOpt("bind_port", default=8786, help="Port the API listens on."),
    cfg.IntOpt("workers", default=1, min=1,
               help="Number of API worker processes (gunicorn). With SQLite "
                    "keep it small; use PostgreSQL or MySQL for many."),
    cfg.IntOpt("threads", default=4, min=1,
               help="Request threads per worker process."),
    cfg.IntOpt("client_socket_timeout", default=900, min=1,
               help="Seconds an idle client connection stays open for its next "
                    "request (HTTP keep-alive), as in Manila. Clients that poll "
                    "(openstacksdk) reuse connections: a short timeout closes "
                    "them just as they are reused."),
    cfg.StrOpt("state_path", default="/var/lib/manila-ui-backend",
               help="Directory for the database, the access log and the "
                    "simulated exports."),
    cfg.StrOpt("auth_strategy", default="keystone",
               choices=["keystone", "noauth"],
               help="keystone: validate tokens with keystonemiddleware. "
                    "noauth: the token is 'user_id:project_id[:role,...]'."),
    cfg.FloatOpt("transition_delay", default=1.0, min=0.0,
                 help="Seconds each asynchronous step (create, delete) takes "
                      "before the resource settles. Small in tests."),
    cfg.FloatOpt("worker_poll_interval", default=1.0, min=0.01,
                 help="Seconds between checks of the operation queue for "
                      "work enqueued by other processes."),
    cfg.FloatOpt("operation_lease", default=10.0, min=1.0,
                 help="Seconds an operation stays claimed by a worker; a "
                      "claim left by a crashed worker is taken over after it. "
                      "A step takes milliseconds, so this only needs to "
                      "outlast a slow database."),
    cfg.StrOpt("default_share_type", default="default",
               help="Name of the share type used when a request names none."),
    cfg.StrOpt("default_share_group_type", default="default",
               help="Name of the share group type used when a share group "
                    "request names none (none: such a request is refused, as "
                    "Manila's default). The bootstrap makes it, of the default "
                    "share type, as devstack does."),
    cfg.ListOpt("enabled_share_protocols", default=["NFS", "CIFS"],
                help="Protocols accepted on share create (as in Manila)."),
    cfg.IntOpt("osapi_max_limit", default=1000, min=1,
               help="Largest number of items a list returns in one page."),
    cfg.IntOpt("message_ttl", default=2592000, min=1,
               help="Seconds a user message lives."),
    cfg.IntOpt("soft_deleted_share_retention_time", default=604800, min=0,
               help="Seconds a share stays in the recycle bin before the "
                    "worker deletes it (as in Manila)."),
    cfg.IntOpt("transfer_retention_time", default=300, min=1,
               help="Seconds a share transfer waits to be accepted; then the "
                    "share goes back to available (as in Manila)."),
    cfg.BoolOpt("use_scheduler_creating_share_from_snapshot", default=True,
                help="Place a share created from a snapshot with the "
                     "scheduler (any pool of the snapshot's back end or "
                     "replication domain, in any zone). False: the snapshot's "
                     "pool and zone only. Manila's default is False; ours "
                     "lets the dashboard show the cross-zone case."),
    cfg.ListOpt("admin_only_metadata",
                default=["__affinity_same_host", "__affinity_different_host",
                         "__managed_at"],
                help="Share metadata keys only administrators may set or "
                     "delete (2.68, as Manila's admin_only_metadata)."),
    cfg.BoolOpt("debug", default=False, mutable=True,
                help="Log at DEBUG level (reloaded on SIGHUP)."),
    cfg.StrOpt("host", default="manila-ui",
               help="Host name used in pool names (host@backend#pool)."),
    cfg.IntOpt("report_interval", default=10, min=1, mutable=True,
               help="Seconds between the heartbeats of the services (the "
                    "scheduler, one share service per back end), as Manila."),
    cfg.IntOpt("service_down_time", default=60, min=1, mutable=True,
               help="Seconds without a heartbeat after which a service is "
                    "down (as Manila): the pools of a share service that is "
                    "down or disabled take no new shares."),
]

database_opts: list[cfg.Opt] = [
    cfg.StrOpt("connection", secret=True,
               default="sqlite:///$state_path/backend.sqlite",
               help="SQLAlchemy URL. SQLite runs in WAL mode."),
]

quota_opts: list[cfg.Opt] = [
    cfg.IntOpt("shares", default=50, min=-1,
               help="Number of shares allowed per project."),
    cfg.IntOpt("gigabytes", default=1000, min=-1,
               help="Share gigabytes allowed per project."),
    cfg.IntOpt("snapshots", default=50, min=-1,
               help="Number of share snapshots allowed per project."),
    cfg.IntOpt("snapshot_gigabytes", default=1000, min=-1,
               help="Snapshot gigabytes allowed per project."),
    cfg.IntOpt("share_networks", default=10, min=-1,
               help="Number of share networks allowed per project."),
    cfg.IntOpt("share_groups", default=50, min=-1,
               help="Number of share groups allowed per project."),
    cfg.IntOpt("share_group_snapshots", default=50, min=-1,
               help="Number of share group snapshots allowed per project."),
    cfg.IntOpt("share_replicas", default=100, min=-1,
               help="Number of share replicas allowed per project."),
    cfg.IntOpt("replica_gigabytes", default=1000, min=-1,
               help="Replica gigabytes allowed per project."),
    cfg.IntOpt("per_share_gigabytes", default=-1, min=-1,
               help="Largest size of one share, in gigabytes (-1: no limit)."),
    cfg.IntOpt("backups", default=10, min=-1,
               help="Number of share backups allowed per project."),
    cfg.IntOpt("backup_gigabytes", default=1000, min=-1,
               help="Backup gigabytes allowed per project."),
    cfg.IntOpt("encryption_keys", default=100, min=-1,
               help="Number of encryption keys allowed per project."),
]

driver_opts: list[cfg.Opt] = [
    cfg.ListOpt("availability_zones", default=["nova", "nova-2"],
                help="Availability zones of the simulated back ends; back "
                     "end alpha serves the first, beta the second."),
    *capacity.default_opts(),
    cfg.ListOpt("export_ips", default=["10.0.0.10", "fd00:10::10"],
                help="Addresses export locations are built from (IPv4 and "
                     "IPv6)."),
    cfg.ListOpt("admin_export_ips", default=["10.254.0.10"],
                help="Addresses of admin-only export locations (shown to "
                     "administrators only, as Manila's is_admin_only)."),
    cfg.StrOpt("replication_domain", default="manila_ui",
               help="Replication domain both back ends report; shares from "
                    "snapshots may be placed across back ends of one domain. "
                    "Empty: none."),
    cfg.ListOpt("squash_backends", default=["alpha"],
                help="Back ends (alpha, beta) whose pools honour the squash "
                     "attributes of access rules and report squash_support; "
                     "the others export everything no_root_squash."),
    cfg.ListOpt("squash_modes",
                default=["no_root_squash", "root_squash", "all_squash"],
                help="The squash modes those pools honour."),
    cfg.ListOpt("access_types",
                default=["NFS:ip", "NFS:cephx", "CIFS:user", "CIFS:ip"],
                help="protocol:access_type pairs the back ends apply; a rule "
                     "of another type ends in error (as with Manila's dummy "
                     "driver). NFS ip rules become the share's exports file "
                     "under $state_path/exports."),
    cfg.ListOpt("mount_snapshot_backends", default=["alpha", "beta", "gamma"],
                help="Back ends whose pools report mount_snapshot_support=True: "
                     "a share type asking for it lands only there, and the "
                     "snapshots of its shares get export locations and access "
                     "rules (2.32). The others report False."),
    cfg.BoolOpt("dhss_backend", default=True,
                help="Add back end gamma (pool_gamma, first zone) with "
                     "driver_handles_share_servers=True: shares of DHSS=True "
                     "types get share servers on their share network, with "
                     "addresses from [simulated_network]."),
]


# The name and default of oslo.middleware's sizelimit filter, which Manila's
# API pipeline runs.
middleware_opts: list[cfg.Opt] = [
    cfg.IntOpt("max_request_body_size", default=114688, min=1,
               help="Largest request body accepted, in bytes; a larger one "
                    "is refused with 413, as in Manila."),
]


def _register(conf: cfg.ConfigOpts) -> None:
    conf.register_opts(default_opts)
    conf.register_opts(middleware_opts, group="oslo_middleware")
    conf.register_opts(database_opts, group="database")
    conf.register_opts(quota_opts, group="quota")
    conf.register_opts(driver_opts, group="simulated_driver")
    network.register(conf)
    capacity.register(conf)


def build_conf(args: Sequence[str] = (),
               default_config_files: Sequence[str] | None = None
               ) -> cfg.ConfigOpts:
    """Parse ``args`` (e.g. ``["--config-file", path]``) into a new conf."""
    conf = cfg.ConfigOpts()
    _register(conf)
    conf(list(args), project=PROJECT, prog="manila-ui-backend",
         default_config_files=list(default_config_files or []))
    conf.register_mutate_hook(apply_changes)
    return conf


def log_level(conf: cfg.ConfigOpts) -> int:
    return logging.DEBUG if conf.debug else logging.INFO


def apply_changes(conf: cfg.ConfigOpts, changed: dict[tuple[str | None, str],
                                                     tuple[Any, Any]]) -> None:
    """Act on mutable options whose new value needs more than being read:
    ``debug`` sets the level of our loggers and gunicorn's."""
    if (None, "debug") in changed:
        for name in ("", "gunicorn.error"):
            logging.getLogger(name).setLevel(log_level(conf))


def _file_args(conf: cfg.ConfigOpts) -> list[str]:
    """The arguments that name the config files ``conf`` was read from."""
    args: list[str] = []
    for path in conf.config_file or []:
        args += ["--config-file", path]
    if conf.config_dir:
        args += ["--config-dir", conf.config_dir]
    return args


def check_values(conf: cfg.ConfigOpts) -> None:
    """Read every option; a value its type refuses raises."""
    for group, opts in list_opts():
        section = conf[group] if group else conf
        for opt in opts:
            getattr(section, opt.dest)


def reload(conf: cfg.ConfigOpts) -> None:
    """Re-read the config files (SIGHUP): mutable options take their new
    values (oslo.config logs each change; a changed immutable one is logged
    and ignored).  A file that no longer parses, or holds a value an option
    refuses, keeps the old values."""
    try:
        # oslo.config checks a value when it is read, not when it is
        # mutated in: read every option of the new files first.
        check_values(build_conf(_file_args(conf)))
        conf.mutate_config_files()
    except (cfg.Error, ValueError) as exc:
        LOG.error("Kept the previous configuration: %s", exc)
        return
    LOG.info("Reloaded the configuration files (debug=%s)", conf.debug)


def list_opts() -> list[tuple[str | None, list[cfg.Opt]]]:
    """Entry point for oslo-config-generator (keystone_authtoken omitted:
    keystonemiddleware publishes its own)."""
    return [
        (None, default_opts),
        ("oslo_middleware", middleware_opts),
        ("database", database_opts),
        ("quota", quota_opts),
        ("simulated_driver", driver_opts),
        (network.GROUP, network.network_opts),
        *capacity.list_opts(),
    ]
