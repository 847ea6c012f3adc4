from cms.app_base import CMSAppConfig

from news.models import NewsItem
from news.views import NewsDetailView
from portal.views import detail_renderer


class NewsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(NewsItem, detail_renderer(NewsDetailView))]
