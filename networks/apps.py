from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Netzwerke und Kommunen")

    def ready(self):
        from networks import demo, folders
        from networks.models import Membership, Municipality, Network, NetworkItem, Topic
        from portal import demo as demo_data
        from portal import history, permissions, search, sitemaps
        from portal.filters import register_suggestions
        from portal.permissions import Rule

        register_rule = permissions.register_rule
        # Network offices add municipalities of all Brandenburg to their networks.
        register_rule(
            "networks.Municipality",
            Rule(
                by_municipality="pk",
                seen_by_offices=True,
                not_yours=_(
                    "Diese Kommune gehört nicht zu Ihren Kommunen. Bitte wählen Sie eine Ihrer "
                    "Kommunen."
                ),
            ),
        )
        # City editors see the networks their municipalities belong to, read-only.
        register_rule(
            "networks.Network",
            Rule(
                by_network="pk",
                seen_by_municipality="memberships__municipality",
                not_yours=_(
                    "Dieses Netzwerk gehört nicht zu Ihrem Bereich. Bitte wählen Sie eines Ihrer "
                    "Netzwerke."
                ),
            ),
        )
        register_rule("networks.NetworkItem", Rule(by_network="network"))
        register_rule(
            "networks.Membership", Rule(by_network="network", seen_by_municipality="municipality")
        )
        # Topics are shared reference data: everyone picks from all of them.
        register_rule("networks.Topic", Rule(seen_by_all=True))

        # Memberships follow their network, not their municipality: reverting a municipality
        # must not undo a network office's decisions.
        history.register(Network, follow=("items", "memberships"))
        for model in (Topic, NetworkItem, Municipality, Membership):
            history.register(model)

        search.register(
            search.SearchKind(
                _("Netzwerke"), Network.objects.public, "name", ("summary", "description"), 10
            )
        )
        search.register(
            search.SearchKind(
                _("Städte und Gemeinden"),
                Municipality.objects.public,
                "name",
                ("official_name", "district"),
                20,
            )
        )
        sitemaps.register("netzwerke", Network.objects.public)
        register_suggestions("netzwerke", Network.objects.public)
        register_suggestions("kommunen", Municipality.objects.public)
        sitemaps.register("kommunen", Municipality.objects.public)
        demo_data.register(
            demo.load, models=[Topic, Municipality, Network, NetworkItem, Membership]
        )
        # Each municipality and network has a folder for its images and documents.
        folders.connect()
