from django.urls import path

from contacts import views

app_name = "contacts"
urlpatterns = [
    path("", views.ContactListView.as_view(), name="list"),
    path(
        "organisationen/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation"
    ),
    path("<slug:slug>/", views.ContactDetailView.as_view(), name="detail"),
]
