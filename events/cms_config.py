from cms.app_base import CMSAppConfig

from events.models import Event
from events.views import EventDetailView
from portal.views import detail_renderer


class EventsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(Event, detail_renderer(EventDetailView))]
