from django.urls import re_path

from manila_ui.dashboards.admin.share_group_types import views

TYPE = r"^(?P<share_group_type_id>[^/]+)/"

# Upstream manila-ui's URLs (without a final slash), a slash allowed.
urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/?$", views.CreateView.as_view(), name="create"),
    re_path(TYPE + r"update/?$", views.UpdateSpecsView.as_view(), name="update"),
    re_path(TYPE + r"manage_access/?$", views.ManageAccessView.as_view(),
            name="manage_access"),
]
