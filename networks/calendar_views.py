"""Events as calendars: iCalendar files to subscribe to or import, and a month on a page."""

from datetime import date, timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import RedirectView, TemplateView

from networks import ical
from networks.filters import MonthEventFilter
from networks.models import Municipality, Network, Topic
from networks.month import during, is_shown, midnight, month_weeks, shift_month
from networks.views import EventListView, public_events
from portal.listing import InvalidFilter, list_rows


class EventCalendarView(View):
    """All public events, past and upcoming, as an iCalendar file to subscribe to."""

    disposition = "inline"

    def get_events(self):
        return public_events()

    def get_name(self):
        return _("Veranstaltungen der Städte- und Gemeindenetzwerke in Brandenburg")

    def get_filename(self):
        return "veranstaltungen.ics"

    def get(self, request, *args, **kwargs):
        try:
            events = self.get_events()
        except InvalidFilter as error:
            return error.response()
        body = ical.calendar_file(events, name=self.get_name(), request=request)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'{self.disposition}; filename="{self.get_filename()}"'
        return response


class FilteredEventCalendarView(EventCalendarView):
    """Exactly the events the event list shows for the same query string, on all its pages."""

    def get_events(self):
        return list_rows(EventListView, self.request)


class NetworkCalendarView(EventCalendarView):
    def get_events(self):
        self.network = get_object_or_404(Network, slug=self.kwargs["slug"])
        return public_events().in_network(self.network)

    def get_name(self):
        return _("Veranstaltungen: %(name)s") % {"name": self.network.display_name}

    def get_filename(self):
        return f"{self.network.slug}.ics"


class MunicipalityCalendarView(EventCalendarView):
    def get_events(self):
        self.municipality = get_object_or_404(Municipality, slug=self.kwargs["slug"])
        return public_events().hosted_by(self.municipality)

    def get_name(self):
        return _("Veranstaltungen in %(name)s") % {"name": self.municipality.name}

    def get_filename(self):
        return f"{self.municipality.slug}.ics"


class TopicCalendarView(EventCalendarView):
    def get_events(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return public_events().with_topic(self.topic).order_by("start", "title")

    def get_name(self):
        return _("Veranstaltungen zum Thema %(name)s") % {"name": self.topic.name}

    def get_filename(self):
        return f"{self.topic.slug}.ics"


class SingleEventCalendarView(EventCalendarView):
    """One event as a file to add to one's own calendar."""

    disposition = "attachment"

    def get_events(self):
        self.event = get_object_or_404(public_events(), slug=self.kwargs["slug"])
        return [self.event]

    def get_name(self):
        return self.event.title

    def get_filename(self):
        return f"{self.event.slug}.ics"


class EventMonthView(TemplateView):
    template_name = "networks/event_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # django-cms hands apphook views their URL arguments unconverted, as strings.
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        if not is_shown(year, month):
            raise Http404(_("Für diesen Monat gibt es keinen Kalender."))
        first = date(year, month, 1)
        following = shift_month(first, 1)
        events = during(public_events(), midnight(first), midnight(following))
        filterset = MonthEventFilter(self.request.GET or None, queryset=events)
        if filterset.is_valid():
            events = list(filterset.qs.order_by("start", "title"))
        else:
            events = []
        previous = shift_month(first, -1)
        # The same events in the list: its filters, all of the month and nothing else.
        list_query = self.request.GET.copy()
        list_query.pop("page", None)
        list_query["when"] = "all"
        list_query["date_from"] = first.isoformat()
        list_query["date_to"] = (following - timedelta(days=1)).isoformat()
        context.update(
            filter=filterset,
            list_query=list_query.urlencode(),
            month=first,
            event_count=len(events),
            weeks=month_weeks(year, month, events),
            previous_month=previous if is_shown(previous.year, previous.month) else None,
            next_month=following if is_shown(following.year, following.month) else None,
        )
        return context


class CurrentMonthView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        today = timezone.localdate()
        url = reverse("events:month", kwargs={"year": today.year, "month": today.month})
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url
