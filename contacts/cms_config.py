from cms.app_base import CMSAppConfig

from contacts.models import Contact, Organisation
from contacts.views import ContactDetailView, OrganisationDetailView
from portal.views import detail_renderer


class ContactsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [
        (Contact, detail_renderer(ContactDetailView)),
        (Organisation, detail_renderer(OrganisationDetailView)),
    ]
