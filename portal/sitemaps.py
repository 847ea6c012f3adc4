"""sitemap.xml with the CMS pages and every public detail page, and the robots.txt naming it."""

from cms.sitemaps import CMSSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

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

    def __init__(self, domain, items):
        super().__init__(domain)
        self.get_items = items

    def items(self):
        return self.get_items()


@require_safe
def sitemap(request):
    domain = request.get_host()
    sitemaps = {"seiten": PageSitemap(domain)} | {
        section: DetailSitemap(domain, items) for section, items in SECTIONS.items()
    }
    return sitemap_views.sitemap(request, sitemaps)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
