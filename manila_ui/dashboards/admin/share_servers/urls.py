from django.urls import re_path

from manila_ui.dashboards.admin.share_servers import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^manage/$", views.ManageView.as_view(), name="manage"),
    re_path(r"^(?P<server_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
    re_path(r"^(?P<server_id>[^/]+)/reset_status/$", views.ResetStatusView.as_view(),
            name="reset_status"),
    re_path(r"^(?P<server_id>[^/]+)/manage_share/$", views.ManageShareView.as_view(),
            name="manage_share"),
    re_path(r"^(?P<server_id>[^/]+)/migration_check/$",
            views.MigrationCheckView.as_view(), name="migration_check"),
    re_path(r"^(?P<server_id>[^/]+)/migration_start/$",
            views.MigrationStartView.as_view(), name="migration_start"),
    re_path(r"^(?P<server_id>[^/]+)/reset_task_state/$",
            views.ResetTaskStateView.as_view(), name="reset_task_state"),
]
