from django.urls import re_path

from manila_ui.dashboards.admin.shares import views
from manila_ui.dashboards.project.shares.replicas import views as replica_views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^manage/$", views.ManageView.as_view(), name="manage"),
    re_path(r"^recycle-bin/$", views.RecycleBinView.as_view(), name="recycle_bin"),
    re_path(r"^(?P<share_id>[^/]+)/reset_status/$",
            views.ResetStatusView.as_view(), name="reset_status"),
    # Admins only (share_replica:reset_replica_state): a replica's dialog.
    re_path(r"^replicas/(?P<replica_id>[^/]+)/reset_state/$",
            replica_views.ResetReplicaStateView.as_view(), name="reset_replica_state"),
    re_path(r"^(?P<share_id>[^/]+)/migrate/$", views.MigrateView.as_view(),
            name="migrate"),
    re_path(r"^(?P<share_id>[^/]+)/reset_task_state/$",
            views.ResetTaskStateView.as_view(), name="reset_task_state"),
    re_path(r"^(?P<share_id>[^/]+)/$", views.DetailView.as_view(),
            name="detail"),
]
