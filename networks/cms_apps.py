from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _

from portal.apphooks import ExtensibleApphook


@apphook_pool.register
class NetworksApphook(ExtensibleApphook):
    app_name = "networks"
    name = _("Netzwerke")
    urlconf = "networks.urls"


@apphook_pool.register
class MunicipalitiesApphook(ExtensibleApphook):
    app_name = "municipalities"
    name = _("Städte und Gemeinden")
    urlconf = "networks.municipality_urls"
