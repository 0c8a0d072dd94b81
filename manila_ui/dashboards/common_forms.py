"""What the panels' forms share: Manila's refusals and how a form shows
them, and the fields of a share to manage."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import exceptions as api_exceptions
from manila_ui.dashboards import metadata

# Manila said no with a reason the user can act on: the form shows it and
# stays open (anything else goes through exceptions.handle).
REFUSALS = (api_exceptions.BadRequest, api_exceptions.Conflict,
            api_exceptions.Forbidden, api_exceptions.NotFound)
# The same, for a change that counts against a quota.
QUOTA_REFUSALS = REFUSALS + (api_exceptions.OverLimit,)


def refused(form: Any, what: Any, exc: Exception, field: str | None = None) -> bool:
    """Shows "<what>: <Manila's reason>" (the reason alone when ``what`` is
    None): on ``field``, else as the form's error, else (a workflow, or a
    view without a form of its own) as a message. False, for handle()."""
    reason = api_exceptions.fault_message(exc)
    text = _("%(what)s: %(reason)s") % {"what": what, "reason": reason} if what else reason
    if field:
        form.add_error(field, text)
    elif hasattr(form, "api_error"):
        form.api_error(text)
    else:
        messages.error(form.request, text)
    return False


class ManageShareBaseForm(forms.SelfHandlingForm):
    """A share that exists on a back end, for Manila to take over: Admin ›
    Shares (DHSS=False) and a managed share server's share (DHSS=True).

    A subclass declares its protocol field (named ``protocol_field``), fills
    the choices, may reword fields (``labels``, ``help_texts``) and makes
    the one API call in ``manage()``.
    """

    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    service_host = forms.ChoiceField(label=_("Host"))
    export_path = forms.CharField(max_length=255, label=_("Export Path"))
    share_type = forms.ChoiceField(label=_("Share Type"))
    driver_options = metadata.MetadataField(label=_("Driver Options"))
    is_public = forms.BooleanField(label=_("Visible to all projects"),
                                   required=False)

    protocol_field = "protocol"
    labels: dict[str, Any] = {}
    help_texts: dict[str, Any] = {}
    managing_message: Any = _('Managing share "%s".')

    def __init__(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        # self.fields are this form's copies: rewording them is local.
        for field, label in self.labels.items():
            self.fields[field].label = label
        for field, text in self.help_texts.items():
            self.fields[field].help_text = text

    def manage(self, request: Any, data: dict[str, Any], **share: Any) -> Any:
        """Asks Manila to manage ``share`` (the API's keywords); the share."""
        raise NotImplementedError

    def handle(self, request: Any, data: dict[str, Any]) -> Any:
        try:
            share = self.manage(
                request, data, service_host=data["service_host"],
                protocol=data[self.protocol_field],
                export_path=data["export_path"], share_type=data["share_type"],
                name=data.get("name"), description=data.get("description"),
                is_public=bool(data.get("is_public")),
                driver_options=data.get("driver_options") or {})
        except REFUSALS as exc:
            return refused(self, _("Unable to manage the share"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to manage the share."))
            return False
        messages.info(request, self.managing_message % share.name_or_id)
        return share


class ResetTaskStateForm(forms.SelfHandlingForm):
    """Reset the recorded task state of a migration (a share's or a share
    server's). Subclasses declare the hidden id field named ``id_field`` and
    give ``task_states``, ``done`` and ``reset(request, object_id, state)``."""

    id_field = ""
    task_states: tuple[str, ...] = ()
    done: Any = ""

    task_state = forms.ChoiceField(
        label=_("Task State"), required=False,
        help_text=_("Only the recorded task state changes."))

    def __init__(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["task_state"].choices = [(s, s or _("None (no task)"))
                                             for s in self.task_states]

    def reset(self, request: Any, object_id: str, task_state: str | None) -> None:
        raise NotImplementedError

    def handle(self, request: Any, data: dict[str, Any]) -> bool:
        try:
            self.reset(request, data[self.id_field], data.get("task_state") or None)
        except REFUSALS as exc:
            return refused(self, _("Unable to reset the task state"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the task state."))
            return False
        messages.success(request, self.done)
        return True
