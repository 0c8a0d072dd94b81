from django.urls import re_path

from manila_ui.dashboards.admin.share_groups import views

GROUP = r"^(?P<share_group_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(GROUP + r"$", views.DetailView.as_view(), name="detail"),
    # Upstream manila-ui's URL, without the slash.
    re_path(GROUP + r"reset_status/?$", views.ResetStatusView.as_view(),
            name="reset_status"),
]
