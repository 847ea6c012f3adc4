"""The filters of the network and municipality lists, the filters other apps' lists share
(by network, municipality, topic), and one selector per list: the FilterSet over what the
public sees, for given query data. A list page, its calendar and its downloads all call it."""

import django_filters
from django.utils.translation import gettext_lazy as _

from networks.models import Membership, Municipality, Network, Topic
from portal.filters import choice, ordering, slug_choice


def by_topic(queryset, name, topic):
    return queryset.with_topic(topic)


def network_filter(field_name="networks"):
    return slug_choice(
        Network.objects.only("name", "slug"), _("Netzwerk"), field_name, suggest="netzwerke"
    )


def municipality_filter(field_name, label=None):
    return slug_choice(
        Municipality.objects.only("name", "slug"),
        label or _("Kommune"),
        field_name,
        suggest="kommunen",
    )


def topic_filter():
    return slug_choice(
        Topic.objects.only("name", "slug"), _("Themenschwerpunkt"), "topics", method=by_topic
    )


class NetworkFilter(django_filters.FilterSet):
    kind = choice(Network.Kind.choices, _("Art"))
    topic = topic_filter()
    state = choice(
        [("active", _("aktiv")), ("ended", _("beendet"))], _("Stand"), method="filter_state"
    )
    municipality = municipality_filter("memberships__municipality", _("Mitgliedskommune"))
    order = ordering(("name", _("Name")), ("founded", _("Gründung")))

    class Meta:
        model = Network
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.active() if value == "active" else queryset.ended()


class MunicipalityFilter(django_filters.FilterSet):
    district = django_filters.ChoiceFilter(label=_("Landkreis"), empty_label=_("Alle"))
    kind = choice(Municipality.Kind.choices, _("Art"))
    network = network_filter("memberships__network")
    role = choice(
        Membership.Role.choices,
        _("Rolle im Netzwerk"),
        field_name="memberships__role",
        distinct=True,
    )
    order = ordering(("name", _("Name")), ("population", _("Einwohnerzahl")))

    class Meta:
        model = Municipality
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].extra["choices"] = Municipality.objects.district_choices()


class MembershipFilter(django_filters.FilterSet):
    network = network_filter("network")
    municipality = municipality_filter("municipality")
    role = choice(Membership.Role.choices, _("Rolle"))

    class Meta:
        model = Membership
        fields = []


def network_list(data=None, *, request=None):
    networks = (
        Network.objects.public().for_listing().select_related("parent", "image").with_member_count()
    )
    return NetworkFilter(data, queryset=networks, request=request)


def municipality_list(data=None, *, request=None):
    municipalities = Municipality.objects.public().for_listing().with_network_count()
    return MunicipalityFilter(data, queryset=municipalities, request=request)


def membership_list(data=None, *, request=None):
    memberships = Membership.objects.public().for_download()
    return MembershipFilter(data, queryset=memberships, request=request)
