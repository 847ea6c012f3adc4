from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from portal.head import favicon
from portal.sitemaps import robots_txt, sitemap_index, sitemap_section
from portal.views import staff_guide, suggestions


def serve_media(request, path):
    """Uploaded files, where no web server serves them (settings.SERVE_MEDIA). MEDIA_ROOT is
    read per request: tests point it elsewhere."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("vorschlaege/<slug:key>/", suggestions, name="suggestions"),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media))
urlpatterns += i18n_patterns(
    path("admin/anleitung/", staff_guide, name="staff-guide"),
    # Password reset and the second factor, beside the admin's login (before its catch-all).
    path("admin/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("cms.urls")),
    prefix_default_language=False,
)
