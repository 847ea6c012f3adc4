import django_filters
from django.utils.translation import gettext_lazy as _

from contacts.models import Contact, Organisation
from portal.filters import municipality_filter, network_filter, slug_choice


class ContactFilter(django_filters.FilterSet):
    network = network_filter("networks")
    organisation = slug_choice(
        Organisation.objects.only("name", "slug"), _("Organisation"), "organisation"
    )
    municipality = municipality_filter("municipalities")

    class Meta:
        model = Contact
        fields = []
