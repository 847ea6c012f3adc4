"""Drafts are seen only by the people who may change them.

django-cms shows a page's draft in its placeholder preview, edit and structure views to
everyone who may view the page, and djangocms-versioning's version list and compare view show
any version they are asked for. Drafts are unpublished work: before any of these views runs,
this middleware refuses it (403, nothing done) to everyone who may not change the page
(django-cms' page permissions) or the record (portal.permissions.can_change). The admin's
"view on site" redirect would reveal the address of any record by its number; it answers 404
likewise.
"""

from cms.models import Page, PageContent
from cms.utils.page_permissions import user_can_change_page
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from djangocms_versioning.models import Version

from portal import permissions

PLACEHOLDER_VIEWS = {
    "cms_placeholder_render_object_preview",
    "cms_placeholder_render_object_edit",
    "cms_placeholder_render_object_structure",
}
# Every admin view of a version model (one proxy model per versioned content model).
VERSION_VIEWS = "djangocms_versioning_"


def may_change(user, obj):
    """Whether `user` may change `obj`: a CMS page by django-cms' page permissions, anything
    else by the portal's scope rule."""
    if isinstance(obj, PageContent):
        obj = obj.page
    if isinstance(obj, Page):
        return user_can_change_page(user, obj, obj.site)
    return permissions.can_change(user, obj)


def public_url(obj):
    """The address of `obj` on the site: a page content's is its page's in its language."""
    if isinstance(obj, PageContent):
        return obj.page.get_absolute_url(obj.language)
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else None


def _get(model, pk):
    """The row `pk` of `model` or None; junk in the URL is the view's to answer."""
    if model is None or pk is None:
        return None
    try:
        return model._base_manager.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        return None


def _object(content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    return _get(model, object_id)


def _content(version_id):
    version = _get(Version, version_id)
    return version.content if version is not None else None


def _versions_allowed(user, request, url_name, kwargs):
    if "object_id" in kwargs:
        # A version's views, and the compare view's second version.
        contents = [_content(kwargs["object_id"]), _content(request.GET.get("compare_to"))]
        return all(may_change(user, obj) for obj in contents if obj is not None)
    # The version list shows the versions of the grouper (the page) named in the query; the
    # list without one, and the form choosing one, show those of every page.
    for versionable in apps.get_app_config("djangocms_versioning").cms_extension.versionables:
        model_name = versionable.version_model_proxy._meta.model_name
        if url_name.startswith(f"{VERSION_VIEWS}{model_name}_"):
            value = request.GET.get(versionable.grouper_field_name)
            grouper = _get(versionable.grouper_model, value)
            if grouper is not None:
                return may_change(user, grouper)
            if value is not None:
                raise Http404  # no such page: djangocms-versioning would fail on junk (500)
    return permissions.Scope.of(user).unrestricted


class DraftAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = request.user
        if "admin" not in match.namespaces or not (user.is_active and user.is_staff):
            return None  # the admin sends everyone else to its login page
        name = match.url_name or ""
        if name == "view_on_site":
            obj = _object(view_kwargs["content_type_id"], view_kwargs["object_id"])
            if obj is None:
                return None
            if not may_change(user, obj):
                raise Http404
            url = public_url(obj)
            if not url:
                raise Http404  # nothing public to show (Django's view would fail on it)
            return HttpResponseRedirect(url)
        if name in PLACEHOLDER_VIEWS:
            obj = _object(*view_args)
            allowed = obj is None or may_change(user, obj)
        elif name.startswith(VERSION_VIEWS):
            allowed = _versions_allowed(user, request, name, view_kwargs)
        else:
            return None
        if not allowed:
            raise PermissionDenied(
                _("Entwürfe sehen nur die Personen, die diese Seite bearbeiten dürfen.")
            )
        return None
