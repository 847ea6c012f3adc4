from django.urls import path

from networks import calendar_views, views

app_name = "municipalities"
urlpatterns = [
    path("", views.MunicipalityListView.as_view(), name="list"),
    path(
        "<slug:slug>/kalender.ics",
        calendar_views.MunicipalityCalendarView.as_view(),
        name="calendar",
    ),
    path("<slug:slug>/", views.MunicipalityDetailView.as_view(), name="detail"),
]
