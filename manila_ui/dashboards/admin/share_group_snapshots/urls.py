from django.urls import re_path

from manila_ui.dashboards.admin.share_group_snapshots import views

SNAPSHOT = r"^(?P<share_group_snapshot_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(SNAPSHOT + r"$", views.DetailView.as_view(), name="detail"),
    # Upstream manila-ui's URL, without the slash.
    re_path(SNAPSHOT + r"reset_status/?$", views.ResetStatusView.as_view(),
            name="reset_status"),
]
