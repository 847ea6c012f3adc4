"""What the <head> of every page says about it (template tag `page_head`): its canonical
address, the same page in the other languages, a description, and the Open Graph tags that
link previews read.

Canonical addresses of lists: a list's first and further pages are pages of their own, so
the page number stays; any other parameter (filters, sorting, a search term, tracking
parameters) makes the canonical address the bare list. Each combination of filters would
otherwise be a page of its own for search engines, and the records are all reachable by their
own addresses, which the sitemap lists.
"""

import re

from django.conf import settings
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import NoReverseMatch
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from menus.utils import DefaultLanguageChanger

PAGE_PARAMETER = "page"
DESCRIPTION_LENGTH = 160
# The fields a record's page is described with, the first filled one.
DESCRIPTION_FIELDS = ("teaser", "summary", "description")
# The image shown where a page without one of its own is shared (static/img, drawn by
# `manage.py draw_icons`), with its size in pixels.
SHARE_IMAGE = ("img/share.png", 1200, 630)
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}
# schema.org types of records whose page is an article in Open Graph's terms.
ARTICLE_TYPES = {"NewsArticle", "Article"}


def portal_description():
    """What the portal is, for pages that describe themselves no further: facts only."""
    return _(
        "Wer in Brandenburg zu welchem Netzwerk der Städte und Gemeinden gehört, was die "
        "Netzwerke tun, wann sie sich treffen und wen man fragen kann."
    )


def shortened(text):
    text = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def shown_record(context):
    """The record a detail page shows (DetailView's `object`), or None."""
    record = context.get("object")
    return record if hasattr(record, "get_absolute_url") else None


def description(context):
    """A record's own short text; otherwise the CMS page's meta description; otherwise the
    portal's. A list page is the CMS page its app hangs on."""
    record = shown_record(context)
    if record is not None:
        for field in DESCRIPTION_FIELDS:
            text = shortened(getattr(record, field, ""))
            if text:
                return text
        return shortened(f"{record._meta.verbose_name}: {record}. {portal_description()}")
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if page:
        text = shortened(page.get_meta_description(language=get_language(), fallback=True))
        if text:
            return text
    return portal_description()


def canonical_query(request):
    """The part of the query string the canonical address keeps: a page number of an
    otherwise unfiltered list (see the module's docstring)."""
    if set(request.GET) != {PAGE_PARAMETER}:
        return ""
    number = request.GET[PAGE_PARAMETER]
    return f"?{PAGE_PARAMETER}={number}" if number.isdigit() and int(number) > 1 else ""


class RememberingLanguageChanger:
    """The request's language changer (django-cms' DefaultLanguageChanger unless a view set
    its own) remembering its answers: the language chooser in the page's header asks for the
    same addresses as the head, and gets them without asking the database again."""

    def __init__(self, changer):
        self.changer = changer
        self.urls = {}

    def __call__(self, language):
        if language not in self.urls:
            self.urls[language] = self.changer(language)
        return self.urls[language]


def _language_url(request, language):
    """The address of the page shown in `language`, as django-cms' language chooser computes
    it: a CMS page's own slug in that language, a record's page by its get_absolute_url, any
    other page of an app by its URL name."""
    changer = getattr(request, "_language_changer", None)
    if not isinstance(changer, RememberingLanguageChanger):
        changer = RememberingLanguageChanger(changer or DefaultLanguageChanger(request))
        request._language_changer = changer  # the attribute django-cms' chooser reads
    try:
        return changer(language)
    except NoReverseMatch:  # a page without a counterpart in that language names none
        return ""


def page_head(context):
    """The data of templates/portal/head.html for the page being rendered."""
    request = context["request"]
    current = get_language()
    query = canonical_query(request)
    canonical = request.build_absolute_uri(request.path + query)
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = canonical if code == current else _language_url(request, code)
        if url:
            alternates.append((code, request.build_absolute_uri(url.split("?")[0] + query)))
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default:
        alternates.append(("x-default", default))
    data = context.get("structured_data") or {}
    return {
        "canonical": canonical,
        "alternates": alternates,
        "description": description(context),
        "type": "article" if data.get("@type") in ARTICLE_TYPES else "website",
        "published": data.get("datePublished"),
        "modified": data.get("dateModified"),
        "image": share_image(request, shown_record(context)),
        "locale": OPEN_GRAPH_LOCALES.get(current, current),
        "other_locales": [
            OPEN_GRAPH_LOCALES.get(code, code)
            for code, _name in settings.LANGUAGES
            if code != current
        ],
        "site_name": settings.SITE_NAME,
    }


def share_image(request, record):
    """The record's own image where it has a usable one (with alternative text, credit and
    licence), otherwise the portal's share image."""
    image = getattr(record, "image", None) if getattr(record, "image_id", None) else None
    if image is not None and image.is_usable:
        return {
            "url": request.build_absolute_uri(image.url),
            "width": image.width,
            "height": image.height,
            "alt": image.default_alt_text,
        }
    path, width, height = SHARE_IMAGE
    return {
        "url": request.build_absolute_uri(static(path)),
        "width": width,
        "height": height,
        "alt": settings.SITE_NAME,
    }


def favicon(request):
    """/favicon.ico, which browsers ask for on their own: the icon among the static files."""
    response = HttpResponseRedirect(static("img/favicon.ico"))
    response["Cache-Control"] = "max-age=86400, public"
    return response
