from cms.app_base import CMSAppConfig

from contacts.models import Contact
from contacts.views import ContactDetailView
from portal.views import detail_renderer


class ContactsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(Contact, detail_renderer(ContactDetailView))]
