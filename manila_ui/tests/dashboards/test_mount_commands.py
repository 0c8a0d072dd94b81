"""Mount commands per protocol and address family (pure functions)."""

import pytest

from manila_ui.dashboards import mount


def commands(protocol, path, name="share"):
    view = mount.export_view(protocol, path, share_name=name)
    return view.family, [c.command for c in view.commands]


@pytest.mark.parametrize(("path", "family", "expected"), [
    ("10.0.0.5:/shares/share-123", "IPv4",
     "mount -t nfs 10.0.0.5:/shares/share-123 /mnt/share"),
    ("[2001:db8::5]:/shares/share-123", "IPv6",
     "mount -t nfs [2001:db8::5]:/shares/share-123 /mnt/share"),
    # A driver that forgot the brackets: the command adds them.
    ("2001:db8::5:/shares/share-123", "IPv6",
     "mount -t nfs [2001:db8::5]:/shares/share-123 /mnt/share"),
    ("nas.example.com:/exports/a", "host name",
     "mount -t nfs nas.example.com:/exports/a /mnt/share"),
])
def test_nfs(path, family, expected):
    assert commands("NFS", path) == (family, [expected])


def test_cifs_ipv4_linux_and_windows():
    family, cmds = commands("CIFS", "\\\\10.0.0.5\\share_1", "data")
    assert family == "IPv4"
    assert cmds == ["mount -t cifs //10.0.0.5/share_1 /mnt/data "
                    "-o username=USERNAME",
                    'net use Z: "\\\\10.0.0.5\\share_1"']


def test_cifs_ipv6_literal_name_gets_the_address_as_ip_option():
    family, cmds = commands("CIFS", "\\\\fd00-10--10.ipv6-literal.net\\s1")
    assert family == "IPv6"
    assert cmds[0] == ("mount -t cifs //fd00-10--10.ipv6-literal.net/s1 "
                       "/mnt/share -o ip=fd00:10::10,username=USERNAME")


def test_cephfs_and_glusterfs():
    assert commands("CephFS", "10.0.0.1:6789,10.0.0.2:6789:/volumes/x")[1] \
        == ["mount -t ceph 10.0.0.1:6789,10.0.0.2:6789:/volumes/x /mnt/share"
            " -o name=CEPHX_USER"]
    assert commands("GlusterFS", "10.0.0.1:/vol")[1] == [
        "mount -t glusterfs 10.0.0.1:/vol /mnt/share"]


def test_unknown_protocols_and_odd_paths_get_no_command():
    assert commands("HDFS", "hdfs://10.0.0.1:8020/x") == ("", [])
    # Manila's fake drivers export CIFS shares as host:/path: no command.
    assert commands("CIFS", "10.0.0.10:/path/to/fake/share") == ("", [])
    assert commands("NFS", "no-colon-here") == ("", [])
    assert commands(None, "10.0.0.5:/x") == ("", [])


def test_the_mount_point_and_odd_paths_are_shell_safe():
    assert mount.mount_point('a b/<script>"x"') == "/mnt/a-b-script-x"
    assert mount.mount_point("...") == "/mnt/share"
    assert mount.mount_point(None) == "/mnt/share"
    _family, [cmd] = commands("NFS", "10.0.0.5:/a b;rm -rf /")
    assert cmd == "mount -t nfs '10.0.0.5:/a b;rm -rf /' /mnt/share"
