"""schema.org descriptions of organisations."""

from contacts.models import Organisation

GOVERNMENT_ORGANISATIONS = {Organisation.Kind.MINISTRY, Organisation.Kind.ADMINISTRATION}


def organisation_reference(organisation, request):
    kind = "GovernmentOrganization" if organisation.kind in GOVERNMENT_ORGANISATIONS else None
    return {
        "@type": kind or "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
