from django.urls import re_path

from manila_ui.dashboards.project.share_networks import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(r"^(?P<network_id>[^/]+)/$", views.DetailView.as_view(), name="detail"),
    re_path(r"^(?P<network_id>[^/]+)/update/$", views.UpdateView.as_view(),
            name="update"),
    re_path(r"^(?P<network_id>[^/]+)/subnets/add/$", views.AddSubnetView.as_view(),
            name="add_subnet"),
    re_path(r"^(?P<network_id>[^/]+)/subnets/(?P<subnet_id>[^/]+)/metadata/$",
            views.SubnetMetadataView.as_view(), name="subnet_metadata"),
    re_path(r"^(?P<network_id>[^/]+)/security_services/add/$",
            views.AddSecurityServiceView.as_view(), name="add_security_service"),
    re_path(r"^(?P<network_id>[^/]+)/security_services/replace/$",
            views.ReplaceSecurityServiceView.as_view(),
            name="replace_security_service"),
    re_path(r"^(?P<network_id>[^/]+)/check/$", views.CheckView.as_view(), name="check"),
]
