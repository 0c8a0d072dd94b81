from django.urls import re_path

from manila_ui.dashboards.admin.share_instances import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^(?P<instance_id>[^/]+)/reset_status/$", views.ResetStatusView.as_view(),
            name="reset_status"),
    re_path(r"^(?P<instance_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
]
