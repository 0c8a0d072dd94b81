from django.urls import re_path

from manila_ui.dashboards.admin.share_quotas import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^(?P<project_id>[^/]+)/$", views.ProjectView.as_view(), name="project"),
    re_path(r"^(?P<project_id>[^/]+)/update/$", views.UpdateView.as_view(),
            name="update"),
    re_path(r"^(?P<project_id>[^/]+)/reset/$", views.ResetView.as_view(), name="reset"),
    re_path(r"^(?P<project_id>[^/]+)/types/(?P<type_id>[^/]+)/update/$",
            views.UpdateView.as_view(), name="update_type"),
    re_path(r"^(?P<project_id>[^/]+)/types/(?P<type_id>[^/]+)/reset/$",
            views.ResetView.as_view(), name="reset_type"),
]
