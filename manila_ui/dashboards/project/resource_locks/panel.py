"""Project > Share > Resource Locks (2.81): the project's locks on deleting
its shares and rules (and on showing a rule's ``access_to``)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ResourceLocks(policy.Panel):
    name = _("Resource Locks")
    slug = "resource_locks"
    policy_rules = (("share", "resource_lock:get_all"),)
