"""Identity › Projects › Modify Quotas: the "Share" step, by the dotted
path Horizon's ``EXTRA_STEPS`` names (upstream manila-ui's too). It lives
in manila_ui.dashboards.share_quotas."""

from manila_ui.dashboards.share_quotas.workflows import UpdateShareQuota

__all__ = ["UpdateShareQuota"]
