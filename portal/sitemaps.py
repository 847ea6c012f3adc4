"""The sitemap: an index at /sitemap.xml naming one sitemap per section (the CMS pages, and
the public detail pages of each kind of record that an app declares), each split into files
of at most 50,000 addresses as the protocol asks; and the robots.txt naming it."""

from cms.sitemaps import CMSSitemap
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
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
    # Each record is listed in every language of the portal: 2 × 25,000 addresses per file.
    limit = 50_000 // len(settings.LANGUAGES)

    def __init__(self, domain, items):
        super().__init__(domain)
        self.get_items = items

    def items(self):
        # A file lists 25,000 records: only what an address and its date need is loaded.
        return self.get_items().only("pk", "slug", "modified")

    def lastmod(self, item):
        return item.modified


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
