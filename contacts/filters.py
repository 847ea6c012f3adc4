import django_filters
from django.utils.translation import gettext_lazy as _

from contacts.models import Contact, Organisation
from networks.filters import municipality_filter, network_filter
from portal.filters import slug_choice


class ContactFilter(django_filters.FilterSet):
    network = network_filter("networks")
    organisation = slug_choice(
        Organisation.objects.only("name", "slug"),
        _("Organisation"),
        "organisation",
        suggest="organisationen",
    )
    municipality = municipality_filter("municipalities")

    class Meta:
        model = Contact
        fields = []


def contact_list(data=None, *, request=None):
    """The public contacts the list shows for the query `data` (see networks.filters)."""
    contacts = (
        Contact.objects.public()
        .for_listing()
        .select_related("organisation")
        .prefetch_related("networks")
    )
    return ContactFilter(data, queryset=contacts, request=request)
