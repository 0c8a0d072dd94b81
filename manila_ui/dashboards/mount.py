"""Mount commands for a share's export locations, per protocol and address
family, ready to copy.

Export paths come from the back end's driver in the protocol's own
notation: ``10.0.0.5:/shares/x`` or ``[2001:db8::5]:/shares/x`` for NFS,
``\\\\10.0.0.5\\x`` (or an ``ipv6-literal.net`` name) for CIFS, a monitor
list for CephFS. Anything else gets no command, only the path.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DEFAULT_MOUNT_POINT = "/mnt/share"
# Shell words left unquoted: the usual safe set plus IPv6 brackets, which
# every NFS howto writes bare.
_SAFE_WORD = re.compile(r"[\w@%+=:,./\[\]-]+")
_IPV6_LITERAL_NET = ".ipv6-literal.net"


@dataclass(frozen=True)
class MountCommand:
    label: str
    command: str


@dataclass(frozen=True)
class ExportView:
    """What the Export Locations tab shows for one location."""

    path: str
    family: str  # "IPv4", "IPv6", "host name" or ""
    commands: tuple[MountCommand, ...]
    preferred: bool = False
    is_admin_only: bool = False


def _word(text: str) -> str:
    return text if _SAFE_WORD.fullmatch(text) else shlex.quote(text)


def mount_point(share_name: str | None) -> str:
    """``/mnt/<share name>`` in shell-safe characters, else /mnt/share."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", share_name or "").strip("-.")
    return f"/mnt/{slug[:64]}" if slug else DEFAULT_MOUNT_POINT


def _family(host: str) -> tuple[str, str]:
    """(address family label, host as a mount command writes it)."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        address = ipaddress.ip_address(bare.split("%")[0])
    except ValueError:
        return str(_("host name")), host
    if address.version == 6:
        return "IPv6", f"[{bare}]"
    return "IPv4", bare


def _nfs(path: str, target: str) -> tuple[str, list[MountCommand]]:
    # The export starts at the last ":/" (IPv6 hosts hold colons too).
    host, sep, export = path.rpartition(":/")
    if not sep or not host:
        return "", []
    family, host = _family(host)
    device = f"{host}:/{export}"
    return family, [MountCommand(str(_("Linux")),
                                 f"mount -t nfs {_word(device)} {_word(target)}")]


def _cifs(path: str, target: str) -> tuple[str, list[MountCommand]]:
    # Only a UNC path (\\host\share or //host/share) names a CIFS share;
    # anything else (Manila's fake drivers export host:/path) gets no
    # command rather than a wrong one.
    if not re.match(r"^(\\\\|//)[^\\/]", path):
        return "", []
    parts = [p for p in re.split(r"[\\/]+", path) if p]
    if len(parts) < 2:
        return "", []
    host, share = parts[0], "/".join(parts[1:])
    options = "username=USERNAME"
    unc_host = host
    if host.lower().endswith(_IPV6_LITERAL_NET):
        # Windows' spelling of an IPv6 literal in a UNC path: a-b--c.ipv6-
        # literal.net. Linux cannot resolve it; mount.cifs takes ip=.
        literal = host[: -len(_IPV6_LITERAL_NET)].replace("-", ":")
        family, _bracketed = _family(literal.replace("s", "%"))
        if family == "IPv6":
            options = f"ip={literal.replace('s', '%')},{options}"
    else:
        family, unc_host = _family(host)
    unc = f"//{unc_host}/{share}"
    windows_unc = "\\\\" + host + "\\" + share.replace("/", "\\")
    return family, [
        MountCommand(str(_("Linux")),
                     f"mount -t cifs {_word(unc)} {_word(target)} -o {options}"),
        MountCommand(str(_("Windows")), f'net use Z: "{windows_unc}"'),
    ]


def _cephfs(path: str, target: str) -> tuple[str, list[MountCommand]]:
    monitors, sep, _rest = path.rpartition(":/")
    if not sep:
        return "", []
    first = monitors.split(",")[0]
    host = first.rsplit(":", 1)[0] if not first.startswith("[") else \
        first.split("]")[0] + "]"
    family, _host = _family(host)
    return family, [MountCommand(
        str(_("Linux")),
        f"mount -t ceph {_word(path)} {_word(target)} -o name=CEPHX_USER")]


def _glusterfs(path: str, target: str) -> tuple[str, list[MountCommand]]:
    host, sep, _volume = path.partition(":")
    if not sep:
        return "", []
    family, _host = _family(host)
    return family, [MountCommand(
        str(_("Linux")), f"mount -t glusterfs {_word(path)} {_word(target)}")]


_BUILDERS = {"NFS": _nfs, "CIFS": _cifs, "CEPHFS": _cephfs,
             "GLUSTERFS": _glusterfs}


def export_view(protocol: str | None, path: str, *, share_name: str | None = None,
                preferred: bool = False, is_admin_only: bool = False) -> ExportView:
    builder = _BUILDERS.get((protocol or "").upper())
    family, commands = ("", [])
    if builder and path:
        family, commands = builder(path.strip(), mount_point(share_name))
    return ExportView(path=path, family=family, commands=tuple(commands),
                      preferred=preferred, is_admin_only=is_admin_only)
