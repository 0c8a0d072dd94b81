from django.urls import re_path

from manila_ui.dashboards.project.share_groups import views

GROUP = r"^(?P<share_group_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(GROUP + r"update/$", views.UpdateView.as_view(), name="update"),
    re_path(GROUP + r"$", views.DetailView.as_view(), name="detail"),
]
