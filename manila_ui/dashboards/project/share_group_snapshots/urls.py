from django.urls import re_path

from manila_ui.dashboards.project.share_group_snapshots import views

SNAPSHOT = r"^(?P<share_group_snapshot_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    # Upstream manila-ui's URL: a snapshot of the group named in the path.
    re_path(r"^(?P<share_group_id>[^/]+)/snapshot_create/$", views.CreateView.as_view(),
            name="create"),
    re_path(SNAPSHOT + r"update/$", views.UpdateView.as_view(), name="update"),
    re_path(SNAPSHOT + r"$", views.DetailView.as_view(), name="detail"),
]
