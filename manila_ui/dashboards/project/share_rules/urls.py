from django.urls import re_path

from manila_ui.dashboards.project.share_rules import views

SHARE = r"^(?P<share_id>[^/]+)/"
RULE = SHARE + r"(?P<rule_id>[^/]+)/"

urlpatterns = [
    re_path(SHARE + r"$", views.ManageRulesView.as_view(), name="index"),
    re_path(SHARE + r"add/$", views.AddRuleView.as_view(), name="add"),
    re_path(RULE + r"edit/$", views.EditRuleView.as_view(), name="edit"),
    re_path(RULE + r"key/$", views.AccessKeyView.as_view(), name="key"),
]
