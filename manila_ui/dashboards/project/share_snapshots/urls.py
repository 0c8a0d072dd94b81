from django.urls import re_path

from manila_ui.dashboards.project.share_snapshots import views

SNAPSHOT = r"^(?P<snapshot_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(r"^create/(?P<share_id>[^/]+)/$",
            views.CreateForShareView.as_view(), name="create_for_share"),
    re_path(SNAPSHOT + r"update/$", views.UpdateView.as_view(),
            name="update"),
    re_path(SNAPSHOT + r"metadata/$", views.UpdateMetadataView.as_view(),
            name="update_metadata"),
    # Upstream manila-ui's paths for a mountable snapshot's rules (2.32).
    re_path(SNAPSHOT + r"share_snapshot_rules/$", views.ManageRulesView.as_view(),
            name="rules"),
    re_path(SNAPSHOT + r"share_snapshot_rule_add/$", views.AddRuleView.as_view(),
            name="rule_add"),
    re_path(SNAPSHOT + r"$", views.DetailView.as_view(), name="detail"),
]
