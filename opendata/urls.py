from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("katalog.rdf", views.CatalogueView.as_view(), name="catalog"),
    path("katalog.ttl", views.CatalogueView.as_view(syntax="turtle"), name="catalog-turtle"),
    path("katalog.jsonld", views.CatalogueView.as_view(syntax="jsonld"), name="catalog-jsonld"),
    path("datapackage.json", views.DataPackageView.as_view(), name="datapackage"),
    path("<slug:dataset>.<str:fmt>", views.DownloadView.as_view(), name="download"),
]
