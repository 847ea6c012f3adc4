"""The CMS page tree of the portal, built from fixtures/pages.json with django-cms 5's API."""

import json

from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction
from djangocms_versioning.models import Version

SYSTEM_USERNAME = "portal-system"


def system_user():
    """The author of generated content; it can never log in."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"is_active": False, "is_staff": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def build_page_tree() -> int:
    """Create the pages that do not exist yet; pages editors already have stay untouched."""
    pages = json.loads((settings.BASE_DIR / "fixtures" / "pages.json").read_text())
    site = Site.objects.get_current()
    user = system_user()
    created = 0
    with transaction.atomic():
        for spec in pages:
            page = Page.objects.filter(reverse_id=spec["reverse_id"], site=site).first()
            if page is None:
                _create(spec, user, site)
                created += 1
            elif spec.get("apphook") and page.application_urls != spec["apphook"]:
                page.application_urls = spec["apphook"]
                page.application_namespace = _namespace(spec["apphook"])
                page.save()
    return created


def _create(spec, user, site):
    languages = [code for code, _name in settings.LANGUAGES]
    first, *others = languages
    apphook = spec.get("apphook")
    page = create_page(
        title=spec["title"][first],
        menu_title=spec.get("menu_title", {}).get(first),
        meta_description=spec.get("meta_description", {}).get(first),
        template=spec.get("template", "cms/page.html"),
        language=first,
        slug=spec["slug"],
        apphook=apphook,
        apphook_namespace=_namespace(apphook),
        reverse_id=spec["reverse_id"],
        in_navigation=spec.get("in_navigation", True),
        created_by=user,
        site=site,
    )
    for language in others:
        create_page_content(
            language=language,
            title=spec["title"][language],
            menu_title=spec.get("menu_title", {}).get(language),
            meta_description=spec.get("meta_description", {}).get(language),
            slug=spec["slug"],
            page=page,
            created_by=user,
            in_navigation=spec.get("in_navigation", True),
            template=spec.get("template", "cms/page.html"),
        )
    for language in languages:
        content = PageContent.admin_manager.get(page=page, language=language)
        if "text" in spec or "plugins" in spec:
            placeholder = content.rescan_placeholders()["content"]
            if "text" in spec:
                add_plugin(placeholder, "TextPlugin", language, body=spec["text"][language])
            for plugin_type in spec.get("plugins", []):
                add_plugin(placeholder, plugin_type, language)
        Version.objects.get_for_content(content).publish(user)
    if spec.get("home"):
        page.set_as_homepage(user)


def _namespace(apphook):
    if not apphook:
        return None
    from cms.apphook_pool import apphook_pool

    return apphook_pool.get_apphook(apphook).app_name
