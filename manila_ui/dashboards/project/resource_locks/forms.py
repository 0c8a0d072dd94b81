"""Lock a share or a rule (a deletion lock; for a rule, also a visibility
lock), and edit a lock's reason."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import resource_locks as api_locks
from manila_ui.dashboards import common_forms

ACTION_CHOICES = {
    "delete": _("Deletion: the resource cannot be deleted while locked"),
    "show": _("Visibility: the rule's access_to and key are hidden from others"),
}
# Manila keeps at most 1023 characters of a reason.
REASON_MAX = 1023


class CreateLockForm(forms.SelfHandlingForm):
    resource_type = forms.CharField(widget=forms.HiddenInput())
    resource_id = forms.CharField(widget=forms.HiddenInput())
    resource_action = forms.ChoiceField(label=_("Lock"))
    lock_reason = forms.CharField(
        label=_("Reason"), required=False, max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why it is locked: others see it, and whoever lifts the lock."))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        resource_type = self.initial.get("resource_type") or self.data.get("resource_type")
        actions = api_locks.LOCKABLE.get(resource_type or "", ("delete",))
        self.fields["resource_action"].choices = [(a, ACTION_CHOICES[a]) for a in actions]
        if len(actions) == 1:
            self.fields["resource_action"].widget = forms.HiddenInput()
            self.fields["resource_action"].initial = actions[0]

    def handle(self, request, data):
        try:
            lock = api_locks.lock_create(
                request, resource_id=data["resource_id"],
                resource_type=data["resource_type"],
                resource_action=data["resource_action"],
                lock_reason=data.get("lock_reason"))
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to lock it"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to lock it."))
            return False
        messages.success(request, _("Locked: %s") % (
            lock.lock_reason or lock.resource_id))
        return lock


class UpdateLockForm(forms.SelfHandlingForm):
    lock_id = forms.CharField(widget=forms.HiddenInput())
    lock_reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            api_locks.lock_update(request, data["lock_id"],
                                  lock_reason=data.get("lock_reason"))
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the lock"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the lock."))
            return False
        messages.success(request, _("Updated the lock's reason."))
        return True
