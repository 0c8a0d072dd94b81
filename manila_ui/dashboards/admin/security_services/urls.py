from django.urls import re_path

from manila_ui.dashboards.admin.security_services import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^(?P<service_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
]
