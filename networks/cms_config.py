from cms.app_base import CMSAppConfig

from networks.models import Municipality, Network
from networks.views import MunicipalityDetailView, NetworkDetailView
from portal.views import detail_renderer


class NetworksCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [
        (Network, detail_renderer(NetworkDetailView)),
        (Municipality, detail_renderer(MunicipalityDetailView)),
    ]
