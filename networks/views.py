from django.db.models import Count, Prefetch
from django.views.generic import DetailView, ListView

from contacts.models import Contact, Partnership
from initiatives.models import Initiative
from networks.models import Event, Membership, Municipality, Network, NetworkItem


class NetworkListView(ListView):
    queryset = Network.objects.select_related("parent").annotate(
        member_count=Count("memberships__municipality", distinct=True)
    )


class NetworkDetailView(DetailView):
    queryset = Network.objects.select_related("parent").prefetch_related(
        "topics",
        "children",
        Prefetch("items", queryset=NetworkItem.objects.order_by("kind", "position")),
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("municipality").order_by(
                "municipality__name", "role"
            ),
        ),
        Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.prefetch_related("municipalities").order_by(
                "round", "title"
            ),
        ),
        Prefetch(
            "events",
            queryset=Event.objects.published()
            .select_related("host_municipality")
            .order_by("-start"),
        ),
        Prefetch("contacts", queryset=Contact.objects.public().select_related("organisation")),
    )


class MunicipalityListView(ListView):
    queryset = Municipality.objects.annotate(
        network_count=Count("memberships__network", distinct=True)
    )


class MunicipalityDetailView(DetailView):
    queryset = Municipality.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("network").order_by("network__name", "role"),
        ),
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.select_related("network").order_by("round", "title"),
        ),
        Prefetch(
            "hosted_events",
            queryset=Event.objects.published()
            .select_related("host_municipality")
            .order_by("-start"),
        ),
        Prefetch("contacts", queryset=Contact.objects.public().select_related("organisation")),
    )
