from datetime import date, timedelta

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import RedirectView, TemplateView

from contacts.models import Contact
from events.filters import event_list
from events.models import Event, EventAttachment
from events.month import is_shown, month_weeks, shift_month
from events.structured_data import event_data
from portal.views import FilteredListView, RecordDetailView


class EventListView(FilteredListView):
    selector = staticmethod(event_list)


class EventDetailView(RecordDetailView):
    queryset = (
        Event.objects.public()
        .with_host()
        .select_related("image")
        .prefetch_related(
            "networks",
            "organisers",
            "topics",
            # A non-public contact is left out: event.contact is then None.
            Prefetch("contact", queryset=Contact.objects.public().select_related("organisation")),
            Prefetch("attachments", queryset=EventAttachment.objects.select_related("file")),
        )
    )

    def get_structured_data(self):
        return event_data(self.object, request=self.request)


class EventMonthView(TemplateView):
    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # django-cms hands apphook views their URL arguments unconverted, as strings.
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        if not is_shown(year, month):
            raise Http404(_("Für diesen Monat gibt es keinen Kalender."))
        first = date(year, month, 1)
        following = shift_month(first, 1)
        filterset = event_list(self.request.GET or None, request=self.request, month=first)
        events = list(filterset.qs) if filterset.is_valid() else []
        previous = shift_month(first, -1)
        # The same events in the list: its filters, all of the month and nothing else.
        list_query = self.request.GET.copy()
        list_query.pop("page", None)
        list_query["when"] = "all"
        weeks = month_weeks(year, month, events)
        list_url = reverse("events:list")
        for day in (day for week in weeks for day in week if day.more):
            list_query["date_from"] = list_query["date_to"] = day.date.isoformat()
            day.more_url = f"{list_url}?{list_query.urlencode()}"
        list_query["date_from"] = first.isoformat()
        list_query["date_to"] = (following - timedelta(days=1)).isoformat()
        context.update(
            filter=filterset,
            list_query=list_query.urlencode(),
            month=first,
            event_count=len(events),
            weeks=weeks,
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
