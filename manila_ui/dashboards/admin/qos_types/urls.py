from django.urls import re_path

from manila_ui.dashboards.admin.qos_types import views

QOS_TYPE = r"^(?P<qos_type_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(QOS_TYPE + r"update/$", views.UpdateView.as_view(), name="update"),
    re_path(QOS_TYPE + r"specs/$", views.SpecsView.as_view(), name="specs"),
]
