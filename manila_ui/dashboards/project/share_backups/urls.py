from django.urls import re_path

from manila_ui.dashboards.project.share_backups import views

BACKUP = r"^(?P<backup_id>[^/]+)/"

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^create/$", views.CreateView.as_view(), name="create"),
    re_path(r"^create/(?P<share_id>[^/]+)/$", views.CreateForShareView.as_view(),
            name="create_for_share"),
    re_path(BACKUP + r"update/$", views.UpdateView.as_view(), name="update"),
    re_path(BACKUP + r"restore/$", views.RestoreView.as_view(), name="restore"),
    re_path(BACKUP + r"$", views.DetailView.as_view(), name="detail"),
]
