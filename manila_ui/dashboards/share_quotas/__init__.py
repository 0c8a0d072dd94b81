"""The share quota pieces of the dashboards, in one place: the quota fields
of every form that sets limits (``fields``), the usage the Shares page and
the Create buttons show (``usage``, ``tables``), and what the plugin adds
to Horizon's own quota pages: the "Share" steps of Identity › Projects ›
Modify Quotas and Admin › Defaults › Update Defaults (``workflows``) and
the "Share Quotas" tab of Admin › Defaults (``tabs``, ``tables``).
Templates: ``manila_ui/templates/manila_ui/share_quotas/``.

Admin › Share › Share Quotas is a panel of its own (admin/share_quotas)
built on these."""
