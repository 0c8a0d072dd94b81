from django.urls import re_path

from manila_ui.dashboards.admin.resource_locks import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^(?P<lock_id>[^/]+)/update/$", views.UpdateView.as_view(), name="update"),
    re_path(r"^(?P<lock_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
]
