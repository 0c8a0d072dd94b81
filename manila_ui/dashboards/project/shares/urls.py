from django.urls import re_path
from django.views.generic import RedirectView

from manila_ui.dashboards.project.shares import views
from manila_ui.dashboards.project.shares.replicas import views as replica_views

# Manila's ids are UUIDs: anything else under the panel (an unknown path
# under /project/, where this panel is the dashboard's default) is a 404,
# not a share to look up.
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
SHARE = rf"^(?P<share_id>{UUID})/"


def _to(pattern_name):
    return RedirectView.as_view(pattern_name=pattern_name, query_string=True)


urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
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
    re_path(SHARE + r"replicas/create/$", replica_views.CreateReplicaView.as_view(),
            name="create_replica"),
    re_path(SHARE + rf"export_locations/(?P<export_location_id>{UUID})/metadata/$",
            views.ExportLocationMetadataView.as_view(), name="export_location_metadata"),
    re_path(SHARE + r"transfer/$", views.CreateTransferView.as_view(),
            name="create_transfer"),
    re_path(SHARE + r"$", views.DetailView.as_view(), name="detail"),
    # Upstream manila-ui's pages of a share, by its names and paths
    # (bookmarks, docs, other plugins' reverse()): redirects to ours.
    re_path(SHARE + r"rules/$", _to("horizon:project:share_rules:rules"),
            name="manage_rules"),
    re_path(SHARE + r"rule_add/$", _to("horizon:project:share_rules:add"),
            name="rule_add"),
    re_path(SHARE + r"extend/$", _to("horizon:project:shares:resize"), name="extend"),
    re_path(SHARE + r"update_metadata/$", _to("horizon:project:shares:update_metadata")),
    # Upstream's /project/shares/...: where this panel is the dashboard's
    # default one it lives at /project/, so the same path under it.
    re_path(r"^shares/(?P<rest>.*)$", views.PanelPathRedirect.as_view()),
]
