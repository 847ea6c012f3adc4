"""The sitemap: an index at /sitemap.xml naming one sitemap per section (the CMS pages, and
the public detail pages of each kind of record that an app declares), each split into files
of at most 50,000 addresses as the protocol asks; and the robots.txt naming it."""

from collections.abc import Sequence

from cms.sitemaps import CMSSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.caching import conditional

# What the public may see, per section: a function returning the records whose detail pages
# are listed, each in every language of the portal. Each app declares its sections.
SECTIONS = {}


def register(section, items):
    SECTIONS[section] = items


class OnRequestHost:
    """Absolute URLs on the host the request came to rather than on the domain of the Sites
    framework, which the portal does not otherwise need (see portal.feeds.PortalFeed)."""

    def __init__(self, domain):
        super().__init__()
        self.domain = domain

    def get_domain(self, site=None):
        return self.domain


class PageSitemap(OnRequestHost, CMSSitemap):
    pass


class DetailSitemap(OnRequestHost, Sitemap):
    i18n = True
    alternates = True
    # Each record is listed in every language of the portal. The protocol allows 50,000
    # addresses per file; Django renders 10,000 (5,000 records in two languages, each with its
    # alternates: about 4 MB) in about a second, 50,000 would take several.
    limit = 10_000

    def __init__(self, domain, items):
        super().__init__(domain)
        self.get_items = items

    def items(self):
        # A file lists 25,000 records: only what an address and its date need is loaded.
        return self.get_items().only("pk", "slug", "modified").order_by("pk")

    def lastmod(self, item):
        return item.modified

    @property
    def paginator(self):
        # Django's pairs every record with every language in a list, loading all records for
        # the index (which only needs the number of files) and for each file.
        return Paginator(_Localized(self.items(), self._languages()), self.limit)

    def get_latest_lastmod(self):
        # Django's loads every record for the index's dates; the database knows the latest.
        return self.get_items().aggregate(latest=Max("modified"))["latest"]


class _Localized(Sequence):
    """The (record, language) pairs Django's i18n sitemap pages through, from a queryset
    without loading it: their number from a count, a slice from the rows it covers."""

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def __len__(self):
        return self.queryset.count() * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            record, language = divmod(index, len(self.languages))
            return (self.queryset[record], self.languages[language])
        start, stop, _step = index.indices(len(self))
        per_record = len(self.languages)
        first, last = start // per_record, -(-stop // per_record)
        pairs = [
            (record, language)
            for record in self.queryset[first:last]
            for language in self.languages
        ]
        return pairs[start - first * per_record : stop - first * per_record]


def _sitemaps(request):
    domain = request.get_host()
    return {"seiten": PageSitemap(domain)} | {
        section: DetailSitemap(domain, items) for section, items in SECTIONS.items()
    }


@require_safe
@conditional
def sitemap_index(request):
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="sitemap-section")


@require_safe
@conditional
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
