from django.urls import re_path
from django.views.generic import RedirectView

from manila_ui.dashboards.project.share_rules import views

SHARE = r"^(?P<share_id>[^/]+)/"
RULE = SHARE + r"(?P<rule_id>[^/]+)/"

urlpatterns = [
    # Rules belong to a share: without one, the shares are where to start.
    re_path(r"^$", RedirectView.as_view(pattern_name="horizon:project:shares:index"),
            name="index"),
    re_path(SHARE + r"$", views.ManageRulesView.as_view(), name="rules"),
    re_path(SHARE + r"add/$", views.AddRuleView.as_view(), name="add"),
    re_path(RULE + r"edit/$", views.EditRuleView.as_view(), name="edit"),
    re_path(RULE + r"key/$", views.AccessKeyView.as_view(), name="key"),
]
