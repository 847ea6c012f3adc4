from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class OpenDataApphook(CMSApp):
    app_name = "opendata"
    name = _("Offene Daten")

    def get_urls(self, page=None, language=None, **kwargs):
        return ["opendata.urls"]
