"""Views of Project > Share > User Messages."""

from django.utils.translation import gettext_lazy as _
from horizon import tables
from horizon import views as horizon_views

from manila_ui.api import messages as api_messages
from manila_ui.dashboards import common_views
from manila_ui.dashboards.project.user_messages import tables as msg_tables


class MessageTableViewMixin(common_views.PagedListMixin):
    all_projects = False

    def get_messages(self):
        filters = {k: v.strip() for k, v in self.get_filters().items()}
        if "message_level" in filters:
            filters["message_level"] = filters["message_level"].upper()
        if "resource_type" in filters:
            filters["resource_type"] = filters["resource_type"].upper()
        found = self.fetch_page(api_messages.message_list_paged,
                                _("Unable to retrieve user messages."), filters)
        if self.all_projects:
            return found
        # Manila shows an admin every project's messages, with no filter
        # for one project: the project panel keeps the project's own.
        project_id = self.request.user.project_id
        return [m for m in found if m.project_id in (None, project_id)]


class IndexView(MessageTableViewMixin, tables.DataTableView):
    table_class = msg_tables.MessagesTable
    template_name = "project/user_messages/index.html"
    page_title = _("User Messages")

    def get_data(self):
        return self.get_messages()


class DetailView(common_views.DetailMixin, horizon_views.HorizonTemplateView):
    template_name = "project/user_messages/detail.html"
    page_title = _("User Message")
    index_url = "horizon:project:user_messages:index"
    table_class = msg_tables.MessagesTable
    resource_urls = msg_tables.RESOURCE_URLS
    fetch = staticmethod(api_messages.message_get)
    url_kwarg = "message_id"
    fetch_error = _("Unable to retrieve the message.")
    context_object_name = "message"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resource_url"] = msg_tables.resource_link(
            context["message"], self.resource_urls)
        context["resource_type"] = msg_tables.resource_type_label(
            context["message"].resource_type)
        return context
