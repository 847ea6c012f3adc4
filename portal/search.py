"""Full-text search across the portal with PostgreSQL's German configuration.

Each searchable model stores a weighted `search_vector` (title words weigh A, body words B)
behind a GIN index; one query per model, so the cost does not grow with the hits shown."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "german"
PER_KIND = 20
CANDIDATES = 500
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchKind:
    """A kind of record the search finds; each app declares its own (AppConfig.ready)."""

    label: str
    # The records the public may find: a function returning a queryset, evaluated per search.
    queryset: Callable
    title: str
    body: tuple
    # Where the kind stands among the results.
    position: int


KINDS = []


def register(kind):
    KINDS.append(kind)
    KINDS.sort(key=lambda kind: kind.position)


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    passage: str


def search(*, text):
    """Ranked hits per kind of record: [(label, [SearchHit, ...]), ...], empty kinds left out.

    A common word matches tens of thousands of rows: each kind ranks at most CANDIDATES of
    its matches (the newest; found through the GIN index or, for a common word, the primary
    key's) and highlights only the PER_KIND it shows."""
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    results = []
    for kind in KINDS:
        # The newest CANDIDATES matches: for a common word, the primary key's index read
        # backwards until enough rows match (the model's order would sort every match first).
        matches = (
            kind.queryset().filter(search_vector=query).order_by("-pk").values("pk")[:CANDIDATES]
        )
        ranked = list(
            kind.queryset()
            .filter(pk__in=matches)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", kind.title)
            .values_list("pk", flat=True)[:PER_KIND]
        )
        passage_source = Concat(
            *[part for field in kind.body for part in (F(field), Value(" "))],
            output_field=TextField(),
        )
        rows = (
            kind.queryset()
            .filter(pk__in=ranked)
            .annotate(
                passage=SearchHeadline(
                    passage_source,
                    query,
                    config=CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=30,
                    min_words=12,
                )
            )
        )
        by_pk = {row.pk: row for row in rows}
        hits = [
            SearchHit(str(row), row.get_absolute_url(), _highlight(row.passage))
            for row in (by_pk[pk] for pk in ranked if pk in by_pk)
        ]
        if hits:
            results.append((kind.label, hits))
    return results


def _highlight(passage):
    marked = escape(passage or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above; only our own <mark> tags remain
