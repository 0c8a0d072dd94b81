"""Share and share server migration rules (names and defaults as in Manila
23; all admin)."""

from __future__ import annotations

from manila_ui.backend.policies import base

START = "share:migration_start"
COMPLETE = "share:migration_complete"
CANCEL = "share:migration_cancel"
GET_PROGRESS = "share:migration_get_progress"
RESET_TASK_STATE = "share:reset_task_state"
SERVER_START = "share_server:share_server_migration_start"
SERVER_CHECK = "share_server:share_server_migration_check"
SERVER_COMPLETE = "share_server:share_server_migration_complete"
SERVER_CANCEL = "share_server:share_server_migration_cancel"
SERVER_GET_PROGRESS = "share_server:share_server_migration_get_progress"
SERVER_RESET_TASK_STATE = "share_server:share_server_reset_task_state"

_ACTION = [("POST", "/shares/{share_id}/action")]
_SERVER_ACTION = [("POST", "/share-servers/{share_server_id}/action")]

rules = [
    base.documented(START, base.ADMIN, "Migrate a share to the specified host.",
                    _ACTION),
    base.documented(COMPLETE, base.ADMIN, "Invoke 2nd phase of share migration.",
                    _ACTION),
    base.documented(CANCEL, base.ADMIN, "Attempt to cancel share migration.", _ACTION),
    base.documented(GET_PROGRESS, base.ADMIN,
                    "Retrieve share migration progress for a given share.",
                    [*_ACTION, ("GET", "/shares/{share_id}/migration-progress")]),
    base.documented(RESET_TASK_STATE, base.ADMIN, "Reset task state.", _ACTION),
    base.documented(SERVER_START, base.ADMIN,
                    "Migrates a share server to the specified host.", _SERVER_ACTION),
    base.documented(SERVER_CHECK, base.ADMIN,
                    "Check if can migrates a share server to the specified host.",
                    _SERVER_ACTION),
    base.documented(SERVER_COMPLETE, base.ADMIN,
                    "Invokes the 2nd phase of share server migration.",
                    _SERVER_ACTION),
    base.documented(SERVER_CANCEL, base.ADMIN,
                    "Attempts to cancel share server migration.", _SERVER_ACTION),
    base.documented(SERVER_GET_PROGRESS, base.ADMIN,
                    "Retrieves the share server migration progress for a given share "
                    "server.", _SERVER_ACTION),
    base.documented(SERVER_RESET_TASK_STATE, base.ADMIN,
                    "Resets task state.", _SERVER_ACTION),
]
