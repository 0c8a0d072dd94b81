"""Manage a share server (2.49), then the shares it holds, and reset a
server's status.  The two steps of the Rocky design: a server first (on a
share network subnet, by its back-end identifier), then each of its shares
(by export path, with a DHSS=True share type)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import pools as api_pools
from manila_ui.api import share_networks as api_networks
from manila_ui.api import share_servers as api_servers
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as kv_metadata
from manila_ui.dashboards.admin.share_servers import tables as status_tables

REFUSALS = common_forms.REFUSALS


def _pools(request):
    try:
        return api_pools.pool_list(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve the storage pools."))
        return []


def dhss_pools(request):
    return [pool for pool in _pools(request)
            if str((pool.capabilities or {}).get("driver_handles_share_servers")).lower()
            == "true"]


def backend_of(pool):
    """``host@backend`` (what a share server's host is) of a pool."""
    return (pool.name or "").split("#", 1)[0]

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ManageShareServerForm(forms.SelfHandlingForm):
    host = forms.ChoiceField(
        label=_("Host"), help_text=_("The back end (host@backend) that runs the server."))
    subnet = forms.ChoiceField(
        label=_("Share Network Subnet"),
        help_text=_("The share network (and its subnet) the server sits on; the "
                    "server then belongs to that network's project."))
    identifier = forms.CharField(
        label=_("Identifier"), max_length=255,
        help_text=_("How the back end names the server (e.g. the server ID it had "
                    "before it was unmanaged)."))
    driver_options = kv_metadata.MetadataField(label=_("Driver Options"))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        hosts = sorted({backend_of(pool) for pool in dhss_pools(request) if pool.name})
        self.fields["host"].choices = [(h, h) for h in hosts]
        self.fields["subnet"].choices = self._subnet_choices()

    def _subnet_choices(self):
        try:
            networks = api_networks.share_network_list_paged(
                self.request, page_size=1000, all_projects=True).items
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share networks."))
            return []
        choices = []
        for network in networks:
            for subnet in network.subnets:
                zone = subnet.availability_zone or _("default subnet")
                choices.append((f"{network.id}|{subnet.id}",
                                f"{network.name_or_id} ({zone})"))
        return choices

    def handle(self, request, data):
        network_id, _sep, subnet_id = data["subnet"].partition("|")
        try:
            server = api_servers.share_server_manage(
                request, host=data["host"], share_network_id=network_id,
                identifier=data["identifier"], share_network_subnet_id=subnet_id or None,
                driver_options=data.get("driver_options") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to manage the share server"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to manage the share server."))
            return False
        messages.info(request, _('Managing share server "%s".') % data["identifier"])
        return server


class ResetStatusForm(forms.SelfHandlingForm):
    server_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(label=_("Status"),
                               choices=[(s, _labels.get(s, s)) for s in api_servers.STATUSES])

    def handle(self, request, data):
        try:
            api_servers.share_server_reset_status(request, data["server_id"],
                                                  data["status"])
        except REFUSALS as exc:
            return common_forms.refused(self, None, exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the share server's status."))
            return False
        messages.success(request, _("The share server is now %s.") % data["status"])
        return True


class ManageShareForm(common_forms.ManageShareBaseForm):
    """A share the managed server holds (step two)."""

    server_id = forms.CharField(widget=forms.HiddenInput())
    # Its own length limit (the base keeps Admin › Shares' 255).
    export_path = forms.CharField(label=_("Export Path"), max_length=2000)
    share_proto = forms.ChoiceField(label=_("Protocol"))

    protocol_field = "share_proto"
    field_order = ("server_id", "export_path", "share_proto", "share_type",
                   "service_host", "name", "description", "driver_options",
                   "is_public")
    labels = {"service_host": _("Pool"), "name": _("Share Name")}
    help_texts = {
        "export_path": _("Where the back end exports the share, e.g. "
                         "10.0.0.100:/shares/x."),
        "share_type": _("A type with driver_handles_share_servers=True."),
    }
    managing_message = _('Managing share "%s" on the server.')

    def __init__(self, request, *args, server=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        host = getattr(server, "host", None)
        pools = [pool for pool in dhss_pools(request) if backend_of(pool) == host]
        self.fields["service_host"].choices = [(p.name, p.name) for p in pools]
        protocols = sorted({proto.upper() for pool in pools for proto in pool.protocols})
        self.fields["share_proto"].choices = [(p, p) for p in protocols or ("NFS", "CIFS")]
        try:
            types = api_share_types.share_type_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share types."))
            types = []
        self.fields["share_type"].choices = [
            (t.name, t.name) for t in types if t.driver_handles_share_servers]

    def manage(self, request, data, **share):
        return api_servers.share_manage_on_server(request, data["server_id"], **share)


# -- migration (2.57, experimental in Manila) ---------------------------------------

class _ServerMigrationForm(forms.SelfHandlingForm):
    """The destination back end (DHSS=True, ``host@backend``: Manila takes
    no pool) and the options Manila checks the driver against."""

    server_id = forms.CharField(widget=forms.HiddenInput())
    host = forms.ChoiceField(
        label=_("Destination Host"),
        help_text=_("A back end that handles share servers (host@backend). It may "
                    "be the server's own when the share network changes."))
    new_share_network_id = forms.ChoiceField(
        label=_("New Share Network"), required=False,
        help_text=_("A network of the server's project to move onto."))
    writable = forms.BooleanField(label=_("Writable"), required=False, initial=True)
    preserve_snapshots = forms.BooleanField(label=_("Preserve Snapshots"),
                                            required=False, initial=True)
    nondisruptive = forms.BooleanField(label=_("Nondisruptive"), required=False)

    def __init__(self, request, *args, server=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        hosts = sorted({backend_of(pool) for pool in dhss_pools(request) if pool.name})
        self.fields["host"].choices = [(h, h) for h in hosts]
        self.fields["new_share_network_id"].choices = [
            ("", _("Keep the server's network"))] + self._networks(server)

    def _networks(self, server):
        project = getattr(server, "project_id", None)
        try:
            networks = api_networks.share_network_list_paged(
                self.request, page_size=1000, all_projects=True,
                search_opts={"project_id": project} if project else None).items
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share networks."))
            return []
        current = getattr(server, "share_network_id", None)
        return [(n.id, n.name_or_id) for n in networks if n.id != current]

    def options(self, data):
        return {"writable": data["writable"], "nondisruptive": data["nondisruptive"],
                "preserve_snapshots": data["preserve_snapshots"],
                "new_share_network_id": data.get("new_share_network_id") or None}


class ServerMigrationCheckForm(_ServerMigrationForm):
    def handle(self, request, data):
        try:
            answer = api_servers.migration_check(request, data["server_id"],
                                                 data["host"], **self.options(data))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to check the migration"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to check the migration."))
            return False
        supported = answer.get("supported_capabilities") or {}
        offered = ", ".join(str(label) for key, label in (
            ("writable", _("writable")), ("nondisruptive", _("nondisruptive")),
            ("preserve_snapshots", _("preserving snapshots")),
            ("migration_cancel", _("cancel")),
            ("migration_get_progress", _("progress"))) if supported.get(key)) or "-"
        if answer.get("compatible"):
            messages.success(request, _("%(host)s can take the share server (the "
                                        "driver offers: %(offered)s).")
                             % {"host": data["host"], "offered": offered})
        else:
            messages.warning(request, _("%(host)s cannot take the share server with "
                                        "these options (the driver offers: "
                                        "%(offered)s).")
                             % {"host": data["host"], "offered": offered})
        return True


class ServerMigrationStartForm(_ServerMigrationForm):
    def handle(self, request, data):
        try:
            api_servers.migration_start(request, data["server_id"], data["host"],
                                        **self.options(data))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to start the migration"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to start the migration."))
            return False
        messages.info(request, _("Migrating the share server to %s: complete the "
                                 "migration once its first phase is done.")
                      % data["host"])
        return True


class ServerResetTaskStateForm(common_forms.ResetTaskStateForm):
    id_field = "server_id"
    task_states = api_servers.TASK_STATES
    done = _("Reset the share server's task state.")
    reset = staticmethod(api_servers.reset_task_state)  # type: ignore[assignment]

    server_id = forms.CharField(widget=forms.HiddenInput())

