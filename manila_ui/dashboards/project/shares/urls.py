from django.urls import re_path
from django.views.generic import RedirectView

from manila_ui.dashboards.project.shares import views

SHARE = r"^(?P<share_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    # As the dashboard's default panel, the index lives at /project/;
    # keep the panel's own URL working for bookmarks and habits.
    re_path(r"^shares/$", RedirectView.as_view(
        pattern_name="horizon:project:shares:index", query_string=True)),
    re_path(r"^recycle-bin/$", views.RecycleBinView.as_view(),
            name="recycle_bin"),
    re_path(r"^accept-transfer/$", views.AcceptTransferView.as_view(),
            name="accept_transfer"),
    re_path(SHARE + r"update/$", views.UpdateView.as_view(), name="update"),
    re_path(SHARE + r"resize/$", views.ResizeView.as_view(),
            name="resize"),
    re_path(SHARE + r"revert/$", views.RevertView.as_view(),
            name="revert"),
    re_path(SHARE + r"metadata/$", views.UpdateMetadataView.as_view(),
            name="update_metadata"),
    re_path(SHARE + r"transfer/$", views.CreateTransferView.as_view(),
            name="create_transfer"),
    re_path(SHARE + r"$", views.DetailView.as_view(), name="detail"),
]
