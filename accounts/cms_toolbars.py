from cms.cms_toolbars import ADMIN_MENU_IDENTIFIER, USER_SETTINGS_BREAK
from cms.toolbar.items import Break
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


@toolbar_pool.register
class SecondFactorToolbar(CMSToolbar):
    """Staff who may choose a second factor find it beside their user settings. Those who
    have one gave it to get here (accounts.middleware) and see nothing."""

    def post_template_populate(self):
        user = self.request.user
        if not user.is_staff or getattr(user, "otp_device", None) is not None:
            return
        menu = self.toolbar.get_menu(ADMIN_MENU_IDENTIFIER)
        if menu is None:
            return
        url = reverse("accounts:second-factor-setup")
        menu.add_link_item(
            _("Zweiten Faktor einrichten"),
            url=f"{url}?{urlencode({'next': self.request.get_full_path()})}",
            position=menu.find_first(Break, identifier=USER_SETTINGS_BREAK),
        )
