"""Manage Access of a private type, as share types and share group types
both offer it: the row action, the form (Keystone's projects, checked where
the type's access list names them) and the view (the type, its projects
and Keystone's project list: one call each)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon import tables
from horizon.utils import memoized

from manila_ui.dashboards import common_forms
from manila_ui.dashboards import common_tables
from manila_ui.dashboards.admin import projects


class ManageAccess(tables.LinkAction):
    """Shown on private types only; subclasses name ``url`` and ``policy_rules``."""

    name = "manage_access"
    verbose_name = _("Manage Access")
    classes = ("ajax-modal",)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, datum):
        return reverse(self.url, args=(datum.id,))

    def allowed(self, request, datum=None):
        return datum is None or not datum.is_public


class ManageAccessForm(forms.SelfHandlingForm):
    """Subclasses give ``help_text``, ``done`` (the success message) and the
    API calls ``add(request, type_id, project)`` / ``remove(...)``."""

    help_text: Any = ""
    done: Any = ""

    type_id = forms.CharField(widget=forms.HiddenInput())
    projects = forms.MultipleChoiceField(
        label=_("Projects"), required=False, widget=forms.CheckboxSelectMultiple())

    def __init__(self, request, *args, project_choices=(), **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["projects"].choices = list(project_choices)
        self.fields["projects"].help_text = self.help_text

    def add(self, request, type_id: str, project: str) -> None:
        raise NotImplementedError

    def remove(self, request, type_id: str, project: str) -> None:
        raise NotImplementedError

    def handle(self, request, data):
        type_id = data["type_id"]
        current = set(self.initial.get("projects") or [])
        wanted = set(data.get("projects") or [])
        try:
            for project in sorted(wanted - current):
                self.add(request, type_id, project)
            for project in sorted(current - wanted):
                self.remove(request, type_id, project)
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to change the access"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to change the access."))
            return False
        messages.success(request, self.done)
        return True


class ManageAccessViewMixin:
    """For a type's modal view (common_views.ObjectModalMixin): subclasses give
    ``access_list(request, the_type)`` (the project ids given the type)."""

    submit_label = _("Save")

    def access_list(self, request, the_type) -> list[str]:
        raise NotImplementedError

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        names = dict(projects.project_names(self.request))  # type: ignore[attr-defined]
        # A project Keystone no longer lists keeps its id, so it can go.
        for project_id in self.get_initial()["projects"]:
            names.setdefault(project_id, project_id)
        kwargs["project_choices"] = sorted(names.items(), key=lambda item: item[1] or "")
        return kwargs

    @memoized.memoized_method
    def get_initial(self):
        the_type = self.get_object()  # type: ignore[attr-defined]
        given: list[str] = []
        if not the_type.is_public:
            try:
                given = self.access_list(self.request, the_type)  # type: ignore[attr-defined]
            except Exception:
                exceptions.handle(self.request,  # type: ignore[attr-defined]
                                  _("Unable to retrieve the type's projects."))
        return {"type_id": the_type.id, "projects": given}
