"""Bases of the panels' views about one object: its detail page and its
modal forms (project and admin panels alike).

A panel describes its object once, in an ``ObjectLookup`` subclass (the API
getter, the URL keyword of the id, the error message, the template's name
for it); its detail view and its modals mix that in with ``DetailMixin`` or
``ObjectModalMixin``. Every lookup is one API call, through
``exceptions.handle`` (which redirects) when it fails. An index view gets
its one page of the list with ``PagedListMixin``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import shortcuts
from django.urls import reverse
from horizon import exceptions
from horizon import tables
from horizon.utils import memoized

from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy


class ObjectLookup:
    """The object a view's URL names, and how to fetch it."""

    request: Any
    kwargs: dict[str, Any]
    # The API getter, called as fetch(request, object_id); a staticmethod.
    fetch: Callable[..., Any]
    url_kwarg: str = ""
    fetch_error: Any = ""
    context_object_name: str = ""

    def object_id(self) -> str:
        return self.kwargs[self.url_kwarg]

    def lookup(self, redirect: Any) -> Any:
        try:
            return self.fetch(self.request, self.object_id())
        except Exception:
            exceptions.handle(self.request, self.fetch_error, redirect=redirect)
            raise  # handle() redirects; never fall through without the object


class DetailMixin(ObjectLookup):
    """A detail page whose header shows the object's row actions.

    Put before a Horizon view (``TabView``, ``TabbedTableView``,
    ``HorizonTemplateView``); ``table_class`` is the index's table.
    """

    index_url: str = ""
    table_class: Any
    get: Callable[..., Any]  # the Horizon view's
    # (status, label) pairs: when given, the template gets ``status_label``.
    status_choices: Any = ()

    def get_redirect_url(self) -> str:
        return reverse(self.index_url)

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # The header's actions post here, not to the index: the object may
        # not be on the index's first page, where its table would look it
        # up. Another table's action (a tab's) must not cost this lookup.
        if tables.DataTable.check_handler(request)[0] == self.table_class._meta.name:
            table = self.table_class(request, data=[self.get_data()])
            if table.maybe_handle():
                return shortcuts.redirect(self.get_redirect_url())
        handler = getattr(super(), "post", None) or self.get
        return handler(request, *args, **kwargs)

    @memoized.memoized_method
    def get_data(self) -> Any:
        return self.lookup(self.get_redirect_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        obj = self.get_data()
        context[self.context_object_name] = obj
        context["url"] = self.request.path  # the actions post here
        context["actions"] = self.table_class(self.request).render_row_actions(obj)
        if self.status_choices:
            labels = dict(self.status_choices)
            context["status_label"] = labels.get(obj.status, obj.status)
        return context


class TabbedDetailMixin(DetailMixin):
    """A ``DetailMixin`` whose tab group gets the object as a keyword."""

    tab_group_class: Any
    tab_object_name: str = ""  # when not ``context_object_name``

    def get_tabs(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        name = self.tab_object_name or self.context_object_name
        return self.tab_group_class(request, **{name: self.get_data()}, **kwargs)


class ObjectModalMixin(policy.PolicyCheckedView, ObjectLookup):
    """A modal form about one object: fetched once per request, shown to
    the template, and the form posts back to ``submit_url_name`` with its
    id. Put before ``forms.ModalFormView`` (or a subclass of it). Its
    ``policy_rules`` (the button's) are checked against the object's
    project."""

    submit_url_name: str = ""
    success_url: Any  # ModalFormView's

    def lookup_redirect_url(self) -> Any:
        """Where a failed lookup leads (the list, not a page about it)."""
        return self.success_url

    @memoized.memoized_method
    def get_object(self) -> Any:
        return self.lookup(self.lookup_redirect_url())

    def policy_object(self) -> Any:
        return self.get_object()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context[self.context_object_name] = self.get_object()
        context["submit_url"] = reverse(self.submit_url_name, args=(self.object_id(),))
        return context


class PagedListMixin(pagination.OffsetPagedViewMixin):
    """An index view's page of a list: ONE API call at the query string's
    offset, whose answer says whether Prev/Next links show."""

    request: Any
    table_class: Any
    # What the page needs besides its list, started with the list call so
    # that the page waits for the longer of them: callables of the request,
    # such as a memoized verb's ``early`` (the Create button's /limits:
    # ``api_limits.tenant_absolute_limits.early``) or ``projects.prefetch``.
    prefetch: tuple[Any, ...] = ()

    def fetch_page(self, list_paged: Callable[..., Any], error: Any,
                   search_opts: dict[str, Any], *, sort: bool = False,
                   **kwargs: Any) -> list[Any]:
        """The rows of ``list_paged(request, search_opts=, offset=,
        page_size=, **kwargs)`` (an ``api.base.Page``); ``sort`` adds the
        table's header sort. [] once ``exceptions.handle`` took a failure."""
        if sort:
            kwargs.update(self.sort_args(self.table_class))
        try:
            for start in self.prefetch:
                start(self.request)
            page = list_paged(self.request, search_opts=search_opts,
                              offset=pagination.requested_offset(self.request),
                              page_size=pagination.page_size(self.request),
                              **kwargs)
        except Exception:
            exceptions.handle(self.request, error)
            return []
        self.remember_page(page)
        return page.items
