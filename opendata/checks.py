"""What harvesters of the catalogue need and only the operator can give."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def catalogue_settings(app_configs, **kwargs):
    warnings = []
    if not settings.OPEN_DATA_CONTACT_EMAIL:
        warnings.append(
            Warning(
                "OPEN_DATA_CONTACT_EMAIL ist leer: Der DCAT-AP.de-Katalog nennt keine "
                "Kontaktstelle (dcat:contactPoint).",
                id="opendata.W001",
            )
        )
    if not settings.OPEN_DATA_CONTRIBUTOR_ID:
        warnings.append(
            Warning(
                "OPEN_DATA_CONTRIBUTOR_ID ist leer: Die Datensätze des DCAT-AP.de-Katalogs "
                "haben keine dcatde:contributorID, die GovData verlangt.",
                id="opendata.W002",
            )
        )
    return warnings
