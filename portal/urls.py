from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal.sitemaps import robots_txt, sitemap
from portal.views import staff_guide

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
urlpatterns += i18n_patterns(
    path("admin/anleitung/", staff_guide, name="staff-guide"),
    path("admin/", admin.site.urls),
    path("", include("cms.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
