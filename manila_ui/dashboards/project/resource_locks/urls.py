from django.urls import re_path

from manila_ui.dashboards.project.resource_locks import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^lock/(?P<resource_type>share|access_rule)/(?P<resource_id>[^/]+)/$",
            views.CreateView.as_view(), name="create"),
    re_path(r"^(?P<lock_id>[^/]+)/update/$", views.UpdateView.as_view(), name="update"),
    re_path(r"^(?P<lock_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
]
