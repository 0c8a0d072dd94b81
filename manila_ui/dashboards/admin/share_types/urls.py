from django.urls import re_path

from manila_ui.dashboards.admin.share_types import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(r"^(?P<type_id>[^/]+)/extra_specs/$", views.ExtraSpecsView.as_view(),
            name="extra_specs"),
    re_path(r"^(?P<type_id>[^/]+)/update/$", views.UpdateView.as_view(), name="update"),
    re_path(r"^(?P<type_id>[^/]+)/manage_access/$", views.ManageAccessView.as_view(),
            name="manage_access"),
]
