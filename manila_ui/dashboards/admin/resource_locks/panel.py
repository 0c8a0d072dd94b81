"""Admin > Share > Resource Locks: every project's locks (2.81)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ResourceLocks(policy.Panel):
    name = _("Resource Locks")
    slug = "resource_locks"
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    policy_rules = ((("share", "resource_lock:get_all"),
                     ("share", "resource_lock:get_all_projects")),)
