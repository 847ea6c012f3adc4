import django_filters
from django.utils.translation import gettext_lazy as _

from networks.filters import municipality_filter, network_filter, topic_filter
from news.models import NewsItem


class NewsFilter(django_filters.FilterSet):
    network = network_filter("networks")
    municipality = municipality_filter("municipalities", _("Stadt oder Gemeinde"))
    topic = topic_filter()
    year = django_filters.ChoiceFilter(label=_("Jahr"), empty_label=_("Alle"), method="filter_year")

    class Meta:
        model = NewsItem
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = NewsItem.objects.public().years()
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))


def news_list(data=None, *, request=None):
    """The public news items the list shows for the query `data`, newest first (see
    networks.filters)."""
    items = (
        NewsItem.objects.public().for_listing().select_related("image").prefetch_related("networks")
    )
    return NewsFilter(data, queryset=items.newest_first(), request=request)
