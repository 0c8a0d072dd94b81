"""Admin › Defaults: the "Share Quotas" tab, by the dotted path Horizon's
``EXTRA_TABS`` names (upstream manila-ui's too). It lives in
manila_ui.dashboards.share_quotas."""

from manila_ui.dashboards.share_quotas.tabs import ShareQuotasTab

__all__ = ["ShareQuotasTab"]
