from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiativen und Modellprojekte")

    def ready(self):
        from initiatives import demo, sections
        from initiatives.models import Initiative, InitiativeAttachment
        from portal import apphooks, history, permissions, search, sitemaps
        from portal import demo as demo_data
        from portal.permissions import Rule
        from portal.sections import Section, add_section

        permissions.register_rule(
            "initiatives.Initiative", Rule(by_municipality="municipalities", by_network="network")
        )
        permissions.register_rule(
            "initiatives.InitiativeAttachment",
            Rule(
                by_municipality="initiative__municipalities", by_network="initiative__network"
            ),
        )
        # Attachments are part of their initiative: they come back with it.
        history.register(Initiative, follow=("attachments",))
        history.register(InitiativeAttachment)
        search.register(
            search.SearchKind(
                _("Initiativen"),
                Initiative.objects.public,
                "title",
                ("summary", "description", "round"),
                30,
            )
        )
        sitemaps.register("initiativen", Initiative.objects.public)
        demo_data.register(demo.load, models=[Initiative])

        add_section(
            "networks.Network",
            Section(
                "initiatives/sections/initiatives.html",
                sections.network_initiatives,
                20,
                head_template="initiatives/sections/network_feeds.html",
            ),
        )
        add_section(
            "networks.Municipality",
            Section("initiatives/sections/initiatives.html", sections.municipality_initiatives, 20),
        )
        apphooks.extend("networks", "initiatives.network_urls")
