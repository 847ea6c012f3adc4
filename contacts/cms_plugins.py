from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from contacts.models import ContactCardPluginModel


@plugin_pool.register_plugin
class ContactCardPlugin(CMSPluginBase):
    model = ContactCardPluginModel
    name = _("Kontaktkarte")
    module = _("Netzwerke")
    render_template = "contacts/contact_card_plugin.html"
    autocomplete_fields = ["contact"]
