"""A network's partner organisations, and the contacts of a network or a municipality, on
its page (see portal.sections)."""

from contacts.models import Contact, Partnership


def network_partners(network):
    return {"partnerships": list(Partnership.objects.public().of_network(network))}


def _contacts(contacts):
    return {"contacts": list(contacts.select_related("organisation"))}


def network_contacts(network):
    return _contacts(Contact.objects.public().for_network(network))


def municipality_contacts(municipality):
    return _contacts(Contact.objects.public().for_municipality(municipality))
