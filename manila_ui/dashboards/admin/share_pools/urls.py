from django.urls import re_path

from manila_ui.dashboards.admin.share_pools import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    # A pool's name is host@backend#pool: its "#" travels as %23.
    re_path(r"^(?P<pool_name>[^/]+)/$", views.DetailView.as_view(), name="detail"),
]
