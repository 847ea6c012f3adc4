"""A network's partner organisations, and the contacts of a network or a municipality, on
its page (see portal.sections): the first of them, with a link to the filtered list."""

from django.urls import reverse

from contacts.models import Contact, Partnership
from portal.sections import first


def network_partners(network):
    # Organisations have no list filtered by network: the page shows the first fifty.
    partnerships, _more = first(Partnership.objects.public().of_network(network), "", limit=50)
    return {"partnerships": partnerships}


def _contacts(contacts, query):
    shown, more = first(
        contacts.select_related("organisation"), f"{reverse('contacts:list')}?{query}"
    )
    return {"contacts": shown, "more_url": more}


def network_contacts(network):
    return _contacts(Contact.objects.public().for_network(network), f"network={network.slug}")


def municipality_contacts(municipality):
    return _contacts(
        Contact.objects.public().for_municipality(municipality),
        f"municipality={municipality.slug}",
    )
