import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from events.models import Event
from events.month import shift_month
from networks.filters import municipality_filter, network_filter, topic_filter
from portal.dates import midnight
from portal.filters import DateInput, choice, ordering


class EventFilter(django_filters.FilterSet):
    WHEN = [("upcoming", _("kommende")), ("past", _("vergangene")), ("all", _("alle"))]
    FORMAT = [("online", _("online")), ("on_site", _("vor Ort"))]

    when = django_filters.ChoiceFilter(
        choices=WHEN, label=_("Zeitraum"), empty_label=None, method="filter_when"
    )
    network = network_filter()
    municipality = municipality_filter("host_municipality", _("Gastgebende Kommune"))
    kind = choice(Event.Kind.choices, _("Art"))
    topic = topic_filter()
    date_from = django_filters.DateFilter(
        field_name="start", lookup_expr="date__gte", label=_("ab Datum"), widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="start", lookup_expr="date__lte", label=_("bis Datum"), widget=DateInput
    )
    format = choice(FORMAT, _("Format"), method="filter_format")
    order = ordering(("start", _("Datum")), ("title", _("Titel")))

    class Meta:
        model = Event
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if not data.get("when"):
            data["when"] = "upcoming"
        super().__init__(data, *args, **kwargs)

    def filter_when(self, queryset, name, value):
        if value == "upcoming":
            return queryset.upcoming()
        if value == "past":
            return queryset.past()
        return queryset

    def filter_format(self, queryset, name, value):
        return queryset.online() if value == "online" else queryset.on_site()


class MonthEventFilter(EventFilter):
    """The event list's filters without those a month answers itself: time span and order."""

    when = None
    date_from = None
    date_to = None
    order = None

    class Meta(EventFilter.Meta):
        pass


def event_list(data=None, *, request=None, month=None):
    """The public events the event list shows for the query `data`. With `month` (its first
    day), those taking place in that month, under the list's filters but its time span and
    order: the month calendar."""
    events = Event.objects.public().for_listing().with_host().prefetch_related("networks")
    if month is None:
        return EventFilter(data, queryset=events, request=request)
    following = shift_month(month, 1)
    # A busy month has well over a thousand events: the calendar loads what its days show.
    events = (
        events.during(midnight(month), midnight(following))
        .select_related(None)
        .prefetch_related(None)
        .only("title", "slug", "start", "end", "all_day", "status")
    )
    return MonthEventFilter(data, queryset=events, request=request)
