from cms.app_base import CMSAppConfig

from initiatives.models import Initiative
from initiatives.views import InitiativeDetailView
from portal.views import detail_renderer


class InitiativesCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(Initiative, detail_renderer(InitiativeDetailView))]
