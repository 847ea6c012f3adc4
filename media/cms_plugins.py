from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from media.models import DownloadPluginModel, ImagePluginModel


class ImagePluginForm(forms.ModelForm):
    class Meta:
        model = ImagePluginModel
        fields = ["image", "caption"]

    def clean_image(self):
        image = self.cleaned_data["image"]
        missing = [
            label
            for label, value in [
                (_("Alternativtext"), image.default_alt_text),
                (_("Bildnachweis"), image.credit),
                (_("Lizenz"), image.licence),
            ]
            if not value
        ]
        if missing:
            raise forms.ValidationError(
                _(
                    "Beim Bild „%(image)s“ fehlt: %(missing)s. Bitte tragen Sie das beim Bild "
                    "selbst ein (Stift neben der Auswahl oder Medienbibliothek), dann können Sie "
                    "es hier verwenden."
                )
                % {"image": image.label, "missing": ", ".join(missing)}
            )
        return image


@plugin_pool.register_plugin
class ImagePlugin(CMSPluginBase):
    model = ImagePluginModel
    form = ImagePluginForm
    name = gettext_lazy("Bild")
    module = gettext_lazy("Inhalte")
    render_template = "media/image_plugin.html"
    # The output depends on the plugin and its image only.
    cache = True


@plugin_pool.register_plugin
class DownloadPlugin(CMSPluginBase):
    model = DownloadPluginModel
    name = gettext_lazy("Datei zum Herunterladen")
    module = gettext_lazy("Inhalte")
    render_template = "media/download_plugin.html"
    cache = True
