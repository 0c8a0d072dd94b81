from django.urls import re_path

from manila_ui.dashboards.admin.share_services import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^(?P<service_id>[0-9]+)/disable/$", views.DisableView.as_view(),
            name="disable"),
]
