from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("katalog.rdf", views.CatalogueView.as_view(), name="catalog"),
    path("<slug:dataset>.<str:fmt>", views.DownloadView.as_view(), name="download"),
]
