"""schema.org descriptions of organisations."""

from contacts.models import Organisation
from portal.structured_data import without_empty

GOVERNMENT_ORGANISATIONS = {Organisation.Kind.MINISTRY, Organisation.Kind.ADMINISTRATION}


def organisation_type(organisation):
    if organisation.kind in GOVERNMENT_ORGANISATIONS:
        return "GovernmentOrganization"
    return "Organization"


def organisation_reference(organisation, request):
    return {
        "@type": organisation_type(organisation),
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def _address(organisation):
    if not (organisation.street or organisation.postal_code or organisation.city):
        return None
    return without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": organisation.street,
            "postalCode": organisation.postal_code,
            "addressLocality": organisation.city,
            "addressCountry": "DE",
        }
    )


def organisation_data(organisation, *, request):
    """An organisation as its page shows it; the view prefetches its children."""
    return without_empty(
        {
            "@type": organisation_type(organisation),
            "name": organisation.name,
            "alternateName": organisation.short_name,
            "description": organisation.description,
            "url": request.build_absolute_uri(organisation.get_absolute_url()),
            "sameAs": organisation.website,
            "address": _address(organisation),
            "parentOrganization": organisation.parent
            and organisation_reference(organisation.parent, request),
            "subOrganization": [
                organisation_reference(child, request) for child in organisation.children.all()
            ],
        }
    )
