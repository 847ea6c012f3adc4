"""What the public sees, cached once for all workers.

The cache is shared (a table in the portal's PostgreSQL by default, Redis or Valkey with
CACHE_URL), so a change reaches every worker at once. Every change of content (a record, a CMS
page, a plugin, an image) makes a new generation; cached pages and counts belong to a
generation, so nothing stale is served after a change. Records that become public at a set
time change nothing in the database: cached pages expire after PAGE_CACHE_SECONDS, so they
appear within that time.
"""

import hashlib
import time
from datetime import UTC, datetime
from functools import wraps
from types import SimpleNamespace

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from cms.models import CMSPlugin, Placeholder
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import http_date

GENERATION = "portal:generation"

# Apps whose rows no public page shows: their changes make no new generation.
UNSHOWN_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "easy_thumbnails",
    "notices",
    "otp_static",
    "otp_totp",
    "reversion",
    "sessions",
}


def generation():
    """The current generation: the time of the last change of content, in nanoseconds."""
    value = cache.get(GENERATION)
    if value is None:
        cache.add(GENERATION, time.time_ns(), None)
        value = cache.get(GENERATION)
    return value


def changed_at():
    """The time of the last change of content, for Last-Modified."""
    return datetime.fromtimestamp(generation() / 1e9, tz=UTC)


def content_changed(sender=None, **kwargs):
    if sender is Placeholder and kwargs.get("created"):
        return  # a record's first view creates its empty placeholder: nothing shown changed
    cache.set(GENERATION, time.time_ns(), None)
    # django-cms' own caches know only of CMS pages and their plugins; the records that the
    # record plugins show change too.
    invalidate_cms_page_cache()
    placeholders = (
        CMSPlugin.objects.filter(plugin_type__in=RecordPluginCache.plugin_types)
        .values_list("placeholder_id", "language")
        .distinct()
    )
    for placeholder_id, language in placeholders:
        clear_placeholder_cache(SimpleNamespace(pk=placeholder_id), language, settings.SITE_ID)


class RecordPluginCache:
    """For CMS plugins that show records (upcoming events, latest news, a contact): django-cms
    may cache the pages they are on, because every change of a record makes a new generation,
    which also empties django-cms' page cache and the cached placeholders that hold such
    plugins (content_changed); what changes with the clock
    alone (an event becomes past, a scheduled item comes due) expires after
    PAGE_CACHE_SECONDS, as the portal's page cache does. (A plugin with `cache = False` would
    make django-cms send its page with no-store, which no cache may keep.)"""

    cache = True
    plugin_types = set()  # the names of these plugins, for content_changed

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        RecordPluginCache.plugin_types.add(cls.__name__)

    def get_cache_expiration(self, request, instance, placeholder):
        return settings.PAGE_CACHE_SECONDS


def watch_content():
    """Make a new generation whenever content changes (AppConfig.ready of the portal)."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in UNSHOWN_APPS:
            continue
        uid = f"portal-generation-{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid + "-delete")
        if model._meta.auto_created:  # the table behind a many-to-many field
            m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid + "-m2m")


def cached_count(queryset):
    """queryset.count(), cached for the generation: a list's total is counted once per change,
    not on every request."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # queryset.none(), e.g. under an invalid filter
        return 0
    digest = hashlib.sha256(f"{sql}|{params}".encode()).hexdigest()
    key = f"portal:count:{generation()}:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        # Kept ten times as long as a page: scheduled records (which change nothing in the
        # database) are counted within that time. PAGE_CACHE_SECONDS=0 switches off the page
        # cache, not the counts (kept 20 minutes then).
        cache.set(key, count, (settings.PAGE_CACHE_SECONDS or 120) * 10)
    return count


def conditional(view):
    """ETag and Last-Modified from the generation, and 304 when the client has the current
    one: a calendar app or feed reader asking again gets no body, and nothing is computed."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        etag = _etag(request)
        last_modified = changed_at().timestamp()
        if request.method in ("GET", "HEAD"):
            not_modified = get_conditional_response(
                request, etag=etag, last_modified=int(last_modified)
            )
            if not_modified is not None:
                return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response.headers.setdefault("ETag", etag)
            response.headers.setdefault("Last-Modified", http_date(last_modified))
        return response

    return wrapper


def _etag(request):
    key = f"{generation()}|{request.get_host()}|{request.get_full_path()}"
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


class PublicPageCache:
    """Caches the GET and HEAD responses that anonymous visitors get, shared by all workers,
    per generation; a change of content is therefore visible at once on every worker."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return without_empty_vary(self.get_response(request))
        key = self._key(request)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status, headers=headers)
            return response
        response = without_empty_vary(self.get_response(request))
        if self._cacheable_response(response):
            headers = {
                name: value for name, value in response.items() if name.lower() != "set-cookie"
            }
            cache.set(
                key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
        return response

    @staticmethod
    def _cacheable_request(request):
        if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
            return False  # PAGE_CACHE_SECONDS=0: no page cache (and no cache lookups)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False  # someone logged in (or was): pages may show a toolbar
        path = request.path_info
        return not any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_SKIP)

    @staticmethod
    def _cacheable_response(response):
        # Responses say Vary: Cookie once anything looked at the session; a request without a
        # session cookie is a visitor's, and the language is in the path: the URL decides.
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request):
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"portal:page:{generation()}:{request.method}:{request.get_host()}:{path}"


def without_empty_vary(response):
    """django-cms' page cache adds its plugins' Vary headers, none, as an empty header, to
    which later middleware appends („Vary: , Accept-Language“): drop the empty names."""
    if response.has_header("Vary"):
        names = [name for name in cc_delim_re.split(response["Vary"].strip()) if name]
        if names:
            response["Vary"] = ", ".join(names)
        else:
            del response["Vary"]
    return response
