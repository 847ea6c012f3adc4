from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from contacts.models import Contact, ContactCardPluginModel
from portal.caching import RecordPluginCache


@plugin_pool.register_plugin
class ContactCardPlugin(RecordPluginCache, CMSPluginBase):
    model = ContactCardPluginModel
    name = _("Kontaktkarte")
    module = _("Netzwerke")
    render_template = "contacts/contact_card_plugin.html"
    autocomplete_fields = ["contact"]

    def render(self, context, instance, placeholder):
        # A contact may have been made non-public after the card was placed.
        context["contact"] = (
            Contact.objects.public()
            .select_related("organisation")
            .filter(pk=instance.contact_id)
            .first()
        )
        return context
