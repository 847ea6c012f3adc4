"""A municipality's events as a calendar, under its page (mounted on the municipalities'
apphook, in its namespace: see portal.apphooks)."""

from django.urls import path

from events import calendar_views

urlpatterns = [
    path(
        "<slug:slug>/kalender.ics",
        calendar_views.MunicipalityCalendarView.as_view(),
        name="calendar",
    ),
]
