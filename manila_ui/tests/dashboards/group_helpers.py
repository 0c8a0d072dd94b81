"""Seeds share groups, their shares and group snapshots for one user through
python-manilaclient (2.55+), and removes them in the order Manila allows:
group snapshots, the groups' shares, the groups."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

from manila_ui.stack.procs import wait_until
from manila_ui.tests.dashboards.helpers import unique


class Groups:
    def __init__(self, manila: Any) -> None:
        self.manila = manila
        self.groups: list[str] = []
        self.snapshots: list[str] = []
        self.shares: list[tuple[str, str]] = []   # (share id, group id)

    # -- groups -------------------------------------------------------------------

    def create(self, name: str | None = None, wait: bool = True, **kwargs: Any) -> Any:
        group = self.manila.share_groups.create(name=name or unique("group"), **kwargs)
        self.groups.append(group.id)
        if wait:
            self.wait(group.id)
        return group

    def status(self, group_id: str) -> str | None:
        from manilaclient.common.apiclient import exceptions

        try:
            return str(self.manila.share_groups.get(group_id).status)
        except exceptions.NotFound:
            return None

    def wait(self, group_id: str, status: str | None = "available",
             timeout: float = 60.0) -> None:
        wait_until(lambda: self.status(group_id) == status, timeout=timeout,
                   what=f"share group {group_id} to be {status or 'gone'}")

    def share(self, group_id: str, name: str | None = None, size: int = 1,
              wait: bool = True) -> Any:
        share = self.manila.shares.create("NFS", size, name=name or unique("member"),
                                          share_group_id=group_id)
        self.shares.append((share.id, group_id))
        if wait:
            wait_until(lambda: self._share_status(share.id) == "available", timeout=60,
                       what=f"share {share.id} to be available")
        return share

    def shares_of(self, group_id: str) -> list[Any]:
        found = list(self.manila.shares.list(search_opts={"share_group_id": group_id}))
        self.shares += [(s.id, group_id) for s in found if (s.id, group_id)
                        not in self.shares]
        return found

    def _share_status(self, share_id: str) -> str | None:
        from manilaclient.common.apiclient import exceptions

        try:
            return str(self.manila.shares.get(share_id).status)
        except exceptions.NotFound:
            return None
        except exceptions.InternalServerError:
            return "deleting"   # real Manila 23 while an instance goes (measured)

    # -- group snapshots ----------------------------------------------------------

    def snapshot(self, group_id: str, name: str | None = None, wait: bool = True) -> Any:
        snapshot = self.manila.share_group_snapshots.create(group_id,
                                                            name=name or unique("gsnap"))
        self.snapshots.append(snapshot.id)
        if wait:
            self.wait_snapshot(snapshot.id)
        return snapshot

    def snapshot_status(self, snapshot_id: str) -> str | None:
        from manilaclient.common.apiclient import exceptions

        try:
            return str(self.manila.share_group_snapshots.get(snapshot_id).status)
        except exceptions.NotFound:
            return None

    def wait_snapshot(self, snapshot_id: str, status: str | None = "available",
                      timeout: float = 60.0) -> None:
        wait_until(lambda: self.snapshot_status(snapshot_id) == status, timeout=timeout,
                   what=f"share group snapshot {snapshot_id} to be {status or 'gone'}")

    # -- clean up -----------------------------------------------------------------------

    def cleanup(self) -> None:
        """Best effort: what is left goes, in the order Manila allows."""
        for snapshot_id in self.snapshots:
            self._quietly(lambda i=snapshot_id: self._delete_snapshot(i))
        for group_id in self.groups:   # shares made from a group snapshot too
            self._quietly(lambda g=group_id: self.shares_of(g))
        for share_id, group_id in self.shares:
            self._quietly(lambda s=share_id, g=group_id: self._delete_share(s, g))
        for group_id in self.groups:
            self._quietly(lambda g=group_id: self._delete_group(g))

    @staticmethod
    def _quietly(step: Callable[[], Any]) -> None:
        try:
            step()
        except Exception:  # noqa: S110 - best effort; the stack is per session
            pass

    @staticmethod
    def _settle(status: Callable[[], str | None]) -> str:
        """The status once it stopped moving ("gone" once deleted)."""
        def settled() -> str | None:
            found = status()
            if found is None:
                return "gone"
            if found in ("available", "deleting") or found.startswith("error"):
                return found
            return None
        result: str = wait_until(settled, timeout=30, what="to settle")
        return result

    def _delete_snapshot(self, snapshot_id: str) -> None:
        if self._settle(lambda: self.snapshot_status(snapshot_id)) not in ("gone",
                                                                           "deleting"):
            self.manila.share_group_snapshots.delete(snapshot_id)
        self.wait_snapshot(snapshot_id, None, timeout=30)

    def _delete_share(self, share_id: str, group_id: str) -> None:
        if self._settle(lambda: self._share_status(share_id)) not in ("gone", "deleting"):
            self.manila.shares.delete(share_id, share_group_id=group_id)
        wait_until(lambda: self._share_status(share_id) is None, timeout=30,
                   what=f"share {share_id} to be deleted")

    def _delete_group(self, group_id: str) -> None:
        if self._settle(lambda: self.status(group_id)) not in ("gone", "deleting"):
            self.manila.share_groups.delete(group_id)
        self.wait(group_id, None, timeout=30)


def groups_per_user(manila: Any) -> Iterator[Callable[[str], Groups]]:
    """The ``groups_of`` fixture: ``groups_of("demo").create()``, removed after."""
    made: dict[str, Groups] = {}

    def get(user: str) -> Groups:
        if user not in made:
            made[user] = Groups(manila(user))
        return made[user]

    yield get
    for helper in made.values():
        helper.cleanup()
