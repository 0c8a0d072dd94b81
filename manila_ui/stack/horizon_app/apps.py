"""The bundled stack's own Django app (see the package's docstring)."""

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_out


class StackHorizonConfig(AppConfig):
    name = "manila_ui.stack.horizon_app"
    label = "manila_ui_stack"
    verbose_name = "manila-ui bundled stack"

    def ready(self) -> None:
        from manila_ui.stack.horizon_app import revoke_tokens

        user_logged_out.connect(revoke_tokens, dispatch_uid="manila_ui_stack_revoke_tokens")
