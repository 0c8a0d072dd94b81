from django.urls import re_path
from django.views.generic import RedirectView

from manila_ui.dashboards.project.shares import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    # As the dashboard's default panel, the index lives at /project/;
    # keep the panel's own URL working for bookmarks and habits.
    re_path(r"^shares/$", RedirectView.as_view(
        pattern_name="horizon:project:shares:index", query_string=True)),
    re_path(r"^(?P<share_id>[^/]+)/update/$", views.UpdateView.as_view(),
            name="update"),
    re_path(r"^(?P<share_id>[^/]+)/$", views.DetailView.as_view(),
            name="detail"),
]
