"""Full-text search across the portal with PostgreSQL's German configuration.

Each searchable model stores a weighted `search_vector` (title words weigh A, body words B)
behind a GIN index; one query per model, so the cost does not grow with the hits shown."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from contacts.models import Contact
from initiatives.models import Initiative
from networks.models import Event, Municipality, Network

CONFIG = "german"
PER_KIND = 20
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchKind:
    label: str
    queryset: object
    title: str
    body: tuple


def _kinds():
    return [
        SearchKind(_("Netzwerke"), Network.objects.all(), "name", ("summary", "description")),
        SearchKind(
            _("Städte und Gemeinden"),
            Municipality.objects.all(),
            "name",
            ("official_name", "district"),
        ),
        SearchKind(
            _("Initiativen"), Initiative.objects.all(), "title", ("summary", "description", "round")
        ),
        SearchKind(
            _("Veranstaltungen"),
            Event.objects.published(),
            "title",
            ("summary", "description", "venue"),
        ),
        SearchKind(
            _("Ansprechpersonen"), Contact.objects.public(), "name", ("function", "role", "note")
        ),
    ]


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    passage: str


def search(*, text):
    """Ranked hits per kind of record: [(label, [SearchHit, ...]), ...], empty kinds left out."""
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    results = []
    for kind in _kinds():
        passage_source = Concat(
            *[part for field in kind.body for part in (F(field), Value(" "))],
            output_field=TextField(),
        )
        rows = (
            kind.queryset.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                passage=SearchHeadline(
                    passage_source,
                    query,
                    config=CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=30,
                    min_words=12,
                ),
            )
            .order_by("-rank", kind.title)[:PER_KIND]
        )
        hits = [
            SearchHit(str(row), row.get_absolute_url(), _highlight(row.passage)) for row in rows
        ]
        if hits:
            results.append((kind.label, hits))
    return results


def _highlight(passage):
    marked = escape(passage or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above; only our own <mark> tags remain
