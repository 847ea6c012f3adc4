"""Events as iCalendar files to subscribe to or import, streamed (events.ical)."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from events import ical
from events.filters import event_list
from events.models import Event
from networks.models import Municipality, Network, Topic
from portal.caching import conditional
from portal.listing import InvalidFilter, filtered_rows


@method_decorator(conditional, name="dispatch")
class EventCalendarView(View):
    """Public events as an iCalendar file to subscribe to: those of the calendar window
    (Event.objects.in_calendar_window()); the archive holds all of them."""

    disposition = "inline"
    windowed = True

    def get_events(self):
        return Event.objects.public().with_host()

    def get_name(self):
        return _("Veranstaltungen der Städte- und Gemeindenetzwerke in Brandenburg")

    def get_filename(self):
        return "veranstaltungen.ics"

    def get(self, request, *args, **kwargs):
        try:
            events = self.get_events()
        except InvalidFilter as error:
            return error.response()
        if self.windowed:
            events = events.in_calendar_window()
        body = ical.calendar_file(events, name=self.get_name(), request=request)
        response = StreamingHttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'{self.disposition}; filename="{self.get_filename()}"'
        return response


class ArchiveCalendarView(EventCalendarView):
    """Every public event since the first, as a file to download."""

    disposition = "attachment"
    windowed = False

    def get_name(self):
        return _("Alle Veranstaltungen der Städte- und Gemeindenetzwerke in Brandenburg")

    def get_filename(self):
        return "veranstaltungen-archiv.ics"


class FilteredEventCalendarView(EventCalendarView):
    """Exactly the events the event list shows for the same query string, on all its pages."""

    def get_events(self):
        return filtered_rows(event_list(self.request.GET or None, request=self.request))


class NetworkCalendarView(EventCalendarView):
    def get_events(self):
        self.network = get_object_or_404(Network, slug=self.kwargs["slug"])
        return super().get_events().in_network(self.network)

    def get_name(self):
        return _("Veranstaltungen: %(name)s") % {"name": self.network.display_name}

    def get_filename(self):
        return f"{self.network.slug}.ics"


class MunicipalityCalendarView(EventCalendarView):
    def get_events(self):
        self.municipality = get_object_or_404(Municipality, slug=self.kwargs["slug"])
        return super().get_events().hosted_by(self.municipality)

    def get_name(self):
        return _("Veranstaltungen in %(name)s") % {"name": self.municipality.name}

    def get_filename(self):
        return f"{self.municipality.slug}.ics"


class TopicCalendarView(EventCalendarView):
    def get_events(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return super().get_events().with_topic(self.topic)

    def get_name(self):
        return _("Veranstaltungen zum Thema %(name)s") % {"name": self.topic.name}

    def get_filename(self):
        return f"{self.topic.slug}.ics"


class SingleEventCalendarView(EventCalendarView):
    """One event as a file to add to one's own calendar."""

    disposition = "attachment"
    windowed = False

    def get_events(self):
        self.event = get_object_or_404(super().get_events(), slug=self.kwargs["slug"])
        return [self.event]

    def get_name(self):
        return self.event.title

    def get_filename(self):
        return f"{self.event.slug}.ics"
