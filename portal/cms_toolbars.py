from cms.models import PageContent
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
