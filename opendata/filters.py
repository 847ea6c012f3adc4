import django_filters
from django.utils.translation import gettext_lazy as _

from networks.models import Membership
from portal.filters import choice, municipality_filter, network_filter


class MembershipFilter(django_filters.FilterSet):
    network = network_filter("network")
    municipality = municipality_filter("municipality")
    role = choice(Membership.Role.choices, _("Rolle"))

    class Meta:
        model = Membership
        fields = []
