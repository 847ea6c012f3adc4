from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from initiatives.models import InitiativeTeaserPluginModel


@plugin_pool.register_plugin
class InitiativeTeaserPlugin(CMSPluginBase):
    model = InitiativeTeaserPluginModel
    name = _("Initiativen (Auswahl)")
    module = _("Netzwerke")
    render_template = "initiatives/initiative_teaser_plugin.html"
    autocomplete_fields = ["network", "municipality"]

    def render(self, context, instance, placeholder):
        context["initiatives"] = instance.initiatives()
        return context
