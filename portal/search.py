"""Full-text search across the portal with PostgreSQL's German configuration.

Each searchable model stores a weighted `search_vector` (title words weigh A, body words B)
behind a GIN index; one query per model, so the cost does not grow with the hits shown.

German joins words into compounds: „Innenstadt“ should find „Innenstadtwettbewerb“. Besides
the query as typed (websearch syntax), every word of three or more letters is searched as a
word beginning (`innenstadt:*`, after stemming); matches of the words themselves rank above
matches of beginnings only. Published CMS pages of the current language (title, meta
description, text plugins) are searched as well; drafts never. For a search without hits,
`suggestion` proposes the spelling of the records' titles („Meinten Sie …?“)."""

import html
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.contrib.sites.models import Site
from django.db import OperationalError, connection, transaction
from django.db.models import F, Func, IntegerField, OuterRef, Subquery, TextField, Value
from django.db.models.expressions import Case, When
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONFIG = "german"
PER_KIND = 20
CANDIDATES = 500
_START, _STOP = "\x02", "\x03"
# Shorter words are matched whole only: a beginning of one or two letters matches half the
# vocabulary (and reads much of the GIN index).
PREFIX_MIN_LENGTH = 3
# At most this many words of a query are searched as beginnings and spell-checked.
MAX_WORDS = 8
SUGGEST_WORDS = 3
# Titles per kind whose words are compared with a typed word: the newest of those similar
# enough. Sorting all of them by similarity would read thousands of rows for a common word
# (1.3 s for „Stadt“ among 100,000 events); the newest are found in milliseconds.
SUGGEST_TITLES = 100
# The least similarity (pg_trgm's similarity of whole words, 0 to 1) of a title's word to
# a typed word for it to be proposed instead.
SUGGEST_SIMILARITY = 0.4
# The least word similarity of a title to a typed word (pg_trgm's `%>`, answered by the index).
SUGGEST_WORD_SIMILARITY = 0.5
# The time all spelling checks of one search may take together (statement_timeout).
SUGGEST_BUDGET_MS = 150
# Letters and digits: everything else (operators of to_tsquery, quotes, dashes) separates.
_WORD = re.compile(r"[^\W_]+")
PAGES_POSITION = 60
logger = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class Queries:
    """The query as typed, and the broader one that also matches word beginnings."""

    exact: SearchQuery
    broad: SearchQuery


def words(text):
    return _WORD.findall(text)


def build_queries(text):
    """The user's text never reaches to_tsquery as typed: the beginnings query is built from
    its words (letters and digits only), each quoted. A word after „-“ stays excluded."""
    exact = SearchQuery(text, config=CONFIG, search_type="websearch")
    terms = []
    for token in text.split()[: MAX_WORDS * 2]:
        negated = token.startswith("-")
        if token.lower() == "or":
            continue
        for word in words(token):
            if negated:
                terms.append(f"!'{word}'")
            elif len(word) >= PREFIX_MIN_LENGTH:
                terms.append(f"'{word}':*")
            else:
                terms.append(f"'{word}'")
    terms = terms[:MAX_WORDS]
    if not any(not term.startswith("!") for term in terms):
        return Queries(exact, exact)
    beginnings = SearchQuery(" & ".join(terms), config=CONFIG, search_type="raw")
    return Queries(exact, exact | beginnings)


def search(*, text):
    """Ranked hits per kind of record: [(label, [SearchHit, ...]), ...], empty kinds left out.

    A common word matches tens of thousands of rows: each kind ranks at most CANDIDATES of
    its matches of the words as typed and CANDIDATES of their beginnings (the newest; found
    through the GIN index or, for a common word, the primary key's) and highlights only the
    PER_KIND it shows. Three queries per kind and one for the CMS pages."""
    queries = build_queries(text)
    results = []
    for kind in KINDS:
        # The newest CANDIDATES matches: for a common word, the primary key's index read
        # backwards until enough rows match (the model's order would sort every match first).
        exact_matches = (
            kind.queryset()
            .filter(search_vector=queries.exact)
            .order_by("-pk")
            .values("pk")[:CANDIDATES]
        )
        broad_matches = (
            kind.queryset()
            .filter(search_vector=queries.broad)
            .order_by("-pk")
            .values("pk")[:CANDIDATES]
        )
        ranked = list(
            kind.queryset()
            # One IN over a UNION: the planner joins it through the primary key (an OR of two
            # INs read the whole table).
            .filter(pk__in=exact_matches.union(broad_matches))
            .annotate(
                exact=_exact("search_vector", queries.exact),
                rank=SearchRank(F("search_vector"), queries.broad),
            )
            .order_by("-exact", "-rank", kind.title)
            .values_list("pk", flat=True)[:PER_KIND]
        )
        passage_source = Concat(
            *[part for field in kind.body for part in (F(field), Value(" "))],
            output_field=TextField(),
        )
        rows = (
            kind.queryset()
            .filter(pk__in=ranked)
            .annotate(passage=_headline(passage_source, queries.broad))
        )
        by_pk = {row.pk: row for row in rows}
        hits = [
            SearchHit(str(row), row.get_absolute_url(), _highlight(row.passage))
            for row in (by_pk[pk] for pk in ranked if pk in by_pk)
        ]
        if hits:
            results.append((kind.position, kind.label, hits))
    pages = _search_pages(queries)
    if pages:
        results.append((PAGES_POSITION, _("Seiten"), pages))
    results.sort(key=lambda result: result[0])
    return [(label, hits) for _position, label, hits in results]


def _exact(vector, query):
    """1 for a match of the words as typed, 0 for one of their beginnings only."""
    return Case(
        When(**{vector: query}, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def _headline(source, query):
    return SearchHeadline(
        source,
        query,
        config=CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=30,
        min_words=12,
    )


def _published_pages():
    """The published page contents of the current site and language (PageContent.objects
    sees only published versions with djangocms-versioning); no page behind a login."""
    from cms.models import PageContent

    return PageContent.objects.filter(
        language=get_language() or "de",
        page__site_id=Site.objects.get_current().pk,
        page__login_required=False,
    )


def _page_text():
    """The text of a page content's text plugins, without markup (one subquery)."""
    from cms.models import PageContent
    from django.contrib.contenttypes.models import ContentType
    from djangocms_text.models import Text

    texts = (
        Text.objects.filter(
            placeholder__content_type=ContentType.objects.get_for_model(PageContent),
            placeholder__object_id=OuterRef("pk"),
            language=OuterRef("language"),
        )
        .order_by()
        .values("placeholder__object_id")
        .annotate(text=StringAgg("body", " ", order_by=("placeholder_id", "position")))
        .values("text")
    )
    markup = Func(
        Coalesce(Subquery(texts, output_field=TextField()), Value("")),
        Value("<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return markup


def _search_pages(queries):
    """Published CMS pages: a handful of rows, their vectors computed per search, in one
    query (and one for their addresses)."""
    vector = (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector(
            Coalesce("meta_description", Value(""), output_field=TextField()),
            weight="B",
            config=CONFIG,
        )
        + SearchVector("page_text", weight="B", config=CONFIG)
    )
    contents = list(
        _published_pages()
        .annotate(page_text=_page_text())
        .annotate(vector=vector)
        .filter(vector=queries.broad)
        .annotate(
            exact=_exact("vector", queries.exact),
            rank=SearchRank(F("vector"), queries.broad),
            passage=_headline(
                Concat(
                    Coalesce("meta_description", Value(""), output_field=TextField()),
                    Value(" "),
                    "page_text",
                    output_field=TextField(),
                ),
                queries.broad,
            ),
        )
        .select_related("page")
        .prefetch_related("page__urls")
        .order_by("-exact", "-rank", "title")[:PER_KIND]
    )
    hits = []
    for content in contents:
        url = content.page.get_absolute_url(content.language, fallback=False)
        if url:
            hits.append(SearchHit(content.title, url, _highlight(content.passage)))
    return hits


def _highlight(passage):
    # The page text is HTML: its entities (&nbsp;, &amp;) become characters before escaping.
    marked = escape(html.unescape(passage or "")).replace(_START, "<mark>")
    return mark_safe(marked.replace(_STOP, "</mark>"))  # noqa: S308 - escaped; only <mark>


def suggestion(*, text):
    """A spelling of the query whose words occur in the titles the public sees („Meinten
    Sie …?“), or None. One query per checked word (at most SUGGEST_WORDS): per kind, the
    newest titles similar to the word by pg_trgm's word similarity (`title %> word`, through
    a trigram GIN index on each kind's title), then the most similar single word among them.
    The titles come from each kind's public queryset, so a draft's words are never proposed
    (a table of words would have to follow every publication, schedule and withdrawal)."""
    typed = [word for word in words(text) if len(word) >= PREFIX_MIN_LENGTH][:SUGGEST_WORDS]
    if not typed:
        return None
    closest = []
    deadline = time.monotonic() + SUGGEST_BUDGET_MS / 1000
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # pg_trgm's default (0.6) misses two typos in a long word; each check may take
            # what is left of the time budget. Both for this transaction only, and restored
            # after (inside a request's transaction they would outlive the savepoint).
            cursor.execute(
                "SELECT current_setting('pg_trgm.word_similarity_threshold'),"
                " current_setting('statement_timeout'),"
                " set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(SUGGEST_WORD_SIMILARITY)],
            )
            threshold, timeout, _set = cursor.fetchone()
            for word in typed:
                left = int((deadline - time.monotonic()) * 1000)
                if left < 10:
                    break
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(left)])
                closest.append(_closest_word(word))
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true),"
                " set_config('statement_timeout', %s, true)",
                [threshold, timeout],
            )
    except OperationalError:
        # Out of time (the savepoint's rollback restored both settings): the words checked
        # before stay corrected, the others as typed.
        logger.info("Suche: Vorschlag nach %d von %d Wörtern abgebrochen", len(closest), len(typed))
    corrected = text
    changed = False
    for word, best in zip(typed, closest, strict=False):
        if best and best.lower() != word.lower():
            corrected = re.sub(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", best, corrected, count=1)
            changed = True
    return corrected if changed else None


def _closest_word(word):
    parts = []
    for kind in KINDS:
        parts.append(
            kind.queryset()
            .filter(**{f"{kind.title}__trigram_word_similar": word})
            .order_by("-pk")
            .values_list(kind.title)[:SUGGEST_TITLES]
        )
    parts.append(
        _published_pages()
        .filter(title__trigram_word_similar=word)
        .order_by("-pk")
        .values_list("title")[:SUGGEST_TITLES]
    )
    titles = parts[0].union(*parts[1:], all=True)
    titles_sql, params = titles.query.get_compiler(connection=connection).as_sql()
    sql = f"""
        SELECT candidate, similarity(candidate, %s) AS closeness
        FROM (
            SELECT DISTINCT regexp_split_to_table(title, '[^[:alnum:]]+') AS candidate
            FROM ({titles_sql}) AS titles (title)
        ) AS candidates
        WHERE length(candidate) >= %s
        ORDER BY closeness DESC, candidate
        LIMIT 1
    """  # noqa: S608 - the inner SQL is Django's, with its parameters passed separately
    with connection.cursor() as cursor:
        cursor.execute(sql, [word, *params, PREFIX_MIN_LENGTH])
        row = cursor.fetchone()
    if row is None or row[1] < SUGGEST_SIMILARITY:
        return None
    return row[0]
