"""Admin › Defaults › Update Defaults: the "Share" step, by the dotted path
Horizon's ``EXTRA_STEPS`` names (``UpdateDefaultShareQuotasStep`` is
upstream manila-ui's name). It lives in manila_ui.dashboards.share_quotas."""

from manila_ui.dashboards.share_quotas.workflows import UpdateDefaultShareQuotas

UpdateDefaultShareQuotasStep = UpdateDefaultShareQuotas

__all__ = ["UpdateDefaultShareQuotas", "UpdateDefaultShareQuotasStep"]
