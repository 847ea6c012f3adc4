from cms.models import PageContent
from cms.toolbar.items import Break, SubMenu
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.permissions import can_change


@toolbar_pool.register
class RecordToolbar(CMSToolbar):
    """On a record's public page, a menu that leads to the record in the admin."""

    def post_template_populate(self):
        obj = self.toolbar.get_object()
        if obj is None or isinstance(obj, PageContent):
            return
        opts = obj._meta
        if not can_change(self.request.user, obj):
            return
        menu = self.toolbar.get_or_create_menu("portal-record", str(opts.verbose_name))
        menu.add_link_item(
            _("%(kind)s im Admin bearbeiten") % {"kind": opts.verbose_name},
            url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
        )
        menu.add_link_item(
            _("Änderungsverlauf"),
            url=reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]),
        )


@toolbar_pool.register
class PortalToolbar(CMSToolbar):
    """The portal's own help, and no entry the person may not use: django-cms shows entries
    without the permission greyed out, and people then meet a refusal."""

    def populate(self):
        if not self.request.user.is_staff:
            return
        menu = self.toolbar.get_or_create_menu("portal-help", _("Hilfe"), position=-1)
        menu.add_link_item(_("Anleitung für die Redaktion"), url=reverse("staff-guide"))

    def post_template_populate(self):
        for menu in list(self.toolbar.menus.values()):
            _without_disabled(menu)


def _without_disabled(menu):
    for item in list(menu.items):
        if isinstance(item, SubMenu):
            _without_disabled(item)
            if not any(not isinstance(child, Break) for child in item.items):
                menu.remove_item(item)
        elif getattr(item, "disabled", False):
            menu.remove_item(item)
    while menu.items and isinstance(menu.items[0], Break):
        menu.remove_item(menu.items[0])
    while menu.items and isinstance(menu.items[-1], Break):
        menu.remove_item(menu.items[-1])
