"""Share transfers between projects (2.77).

create: the share goes ``awaiting_transfer`` and the caller gets an auth
        key, shown once (only a salted hash is kept, as in Manila).
accept: another project with the key takes the share (and its snapshots);
        the share is ``available`` again, the transfer gone.
delete, or no acceptance within ``transfer_retention_time``: the share is
        ``available`` again in its project.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac
import logging
import secrets
import uuid
from collections.abc import Callable
from collections.abc import Mapping

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.db import transfers as transfers_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import access_sync
from manila_ui.backend.services import errors
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_sort_key
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.quotas import QuotaExceeded
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.services.quotas import share_deltas
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

EXPIRE = "expire_transfer"
SALT_LENGTH = 8
KEY_LENGTH = 16
SORT_KEYS = transfers_db.SORT_KEYS
FILTER_KEYS = transfers_db.FILTER_KEYS


@dataclasses.dataclass(frozen=True)
class NewTransfer:
    transfer: records.Transfer
    auth_key: str


def _hash(salt: str, auth_key: str) -> str:
    return hmac.new(salt.encode(), auth_key.encode(), hashlib.sha256).hexdigest()


class TransferService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 quotas: QuotaService) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._quotas = quotas
        queue.register(EXPIRE, self._run_expire, lambda op: None)

    def get(self, transfer_id: str, project_id: str | None) -> records.Transfer:
        """The transfer, if offered by ``project_id`` (None: any project)."""
        with self._db.read() as s:
            found = transfers_db.get(s, transfer_id)
        if found is None or project_id not in (None, found.source_project_id):
            raise errors.NotFound(
                f"TransferNotFound: Transfer {transfer_id} could not be found.")
        return found

    def list_all(self, *, project_id: str | None, filters: Mapping[str, str],
                 name_like: str | None, sort_key: str, sort_dir: str,
                 limit: int | None, offset: int) -> list[records.Transfer]:
        check_sort_key(sort_key, SORT_KEYS)
        with self._db.read() as s:
            return transfers_db.list_all(
                s, project_id=project_id, filters=filters, name_like=name_like,
                sort_key=sort_key, sort_dir=sort_dir, limit=limit, offset=offset)

    def create(self, share: records.Share, name: str | None) -> NewTransfer:
        with self._db.write() as s:
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.Invalid("Invalid share: Share specified was not found.")
            if current.status != "available":
                raise errors.Invalid("Invalid share: Share's status must be available.")
            if current.share_network_id:
                raise errors.Invalid("Invalid share: Shares exported over share "
                                     "networks cannot be transferred.")
            if current.share_group_id:
                raise errors.Invalid("Invalid share: Shares within share groups cannot "
                                     "be transferred.")
            for snapshot in snapshots_db.for_share(s, current.id):
                if snapshot.status != "available":
                    raise errors.Invalid(f"Invalid snapshot: Snapshot: {snapshot.id} "
                                         "status must be available")
            salt = secrets.token_hex(SALT_LENGTH // 2)
            auth_key = secrets.token_hex(KEY_LENGTH // 2)
            delay = self._conf.transfer_retention_time
            transfer = transfers_db.create(s, {
                "id": str(uuid.uuid4()), "resource_type": "share",
                "resource_id": current.id,
                "display_name": name.strip() if name is not None else None,
                "salt": salt, "crypt_hash": _hash(salt, auth_key),
                "source_project_id": current.project_id,
                "expires_at": shares_db.now() + datetime.timedelta(seconds=delay),
                "created_at": shares_db.now(),
            })
            shares_db.update(s, current.id, status="awaiting_transfer")
            self._queue.enqueue(s, EXPIRE, transfer.id, delay=delay)
        self._queue.wake()
        return NewTransfer(transfer, auth_key)

    def accept(self, transfer_id: str, auth_key: str, caller: Caller,
               clear_rules: bool = False) -> None:
        with self._db.write() as s:
            transfer = transfers_db.get(s, transfer_id)
            if transfer is None:
                raise errors.Invalid(f"Transfer {transfer_id} could not be found.")
            if not hmac.compare_digest(_hash(transfer.salt, auth_key),
                                       transfer.crypt_hash):
                raise errors.Invalid(f"Invalid auth key: Attempt to transfer "
                                     f"{transfer_id} with invalid auth key.")
            share = shares_db.get(s, transfer.resource_id, for_update=True)
            if share is None:
                raise errors.Invalid("Invalid share: Share specified was not found.")
            if share.status != "awaiting_transfer":
                raise errors.Invalid(
                    f"Invalid share: Transfer {transfer_id}: share id {share.id} "
                    "expected in awaiting_transfer state..")
            self._check_type_access(s, share, caller)
            snapshots = snapshots_db.for_share(s, share.id)
            for snapshot in snapshots:
                if snapshot.status != "available":
                    raise errors.Invalid(
                        f"Invalid snapshot: Transfer {transfer_id}: Snapshot "
                        f"{snapshot.id} is not in the expected available state.")
            owner = Owner(caller.project_id, caller.user_id, share.share_type_id)
            deltas = {**share_deltas(share.size, bool(share.replication_type)),
                      "snapshots": len(snapshots),
                      "snapshot_gigabytes": sum(snap.size or 0 for snap in snapshots)}
            try:
                self._quotas.check(s, owner, deltas)
            except QuotaExceeded as refusal:
                raise errors.OverQuota(refusal.unprefixed) from None
            shares_db.update(s, share.id, status="available",
                             project_id=caller.project_id, user_id=caller.user_id)
            snapshots_db.move_to_project(s, share.id, caller.project_id, caller.user_id)
            transfers_db.destroy(s, transfer_id)
            if clear_rules:   # the new owner starts without the old rules
                access_sync.deny_all(s, self._queue, share)
            try:
                self._quotas.recheck(s, owner, deltas)
            except QuotaExceeded as refusal:
                raise errors.OverQuota(refusal.unprefixed) from None

    @staticmethod
    def _check_type_access(s: Session, share: records.Share, caller: Caller) -> None:
        share_type = types_db.get(s, share.share_type_id) if share.share_type_id else None
        if share_type is None or types_db.usable_by(s, share_type, caller.project_id):
            return
        if not caller.is_admin:  # Manila looks the type up as the caller: not found
            raise errors.NotFound(f"Share type {share_type.id} could not be found.")
        raise errors.Invalid(
            f"Invalid share: Share type of share {share.id} is not public, and "
            "current project can not access the share type .")

    def delete(self, transfer: records.Transfer) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, transfer.resource_id, for_update=True)
            if share is not None and share.status != "awaiting_transfer":
                raise errors.Invalid(
                    f"Invalid share: Transfer {transfer.id}: share id {share.id} "
                    "expected in awaiting_transfer state..")
            self._release(s, transfer)

    @staticmethod
    def _release(s: Session, transfer: records.Transfer) -> None:
        share = shares_db.get(s, transfer.resource_id)
        if share is not None and share.status == "awaiting_transfer":
            shares_db.update(s, share.id, status="available")
        transfers_db.destroy(s, transfer.id)

    def _run_expire(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            transfer = transfers_db.get(s, op.resource_id)
            if transfer is not None and transfer.expires_at <= shares_db.now():
                LOG.info("Transfer %s expired", transfer.id)
                self._release(s, transfer)
            finish(s)
