from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Organisationen und Ansprechpersonen")

    def ready(self):
        from contacts import demo, sections
        from contacts.models import Contact, Organisation, Partnership
        from networks.models import Network
        from portal import demo as demo_data
        from portal import history, permissions, search, sitemaps
        from portal.filters import register_suggestions
        from portal.permissions import Rule
        from portal.sections import Section, add_section

        permissions.register_rule(
            "contacts.Contact", Rule(by_municipality="municipalities", by_network="networks")
        )
        permissions.register_rule("contacts.Partnership", Rule(by_network="network"))
        # Organisations are shared reference data: everyone picks from all of them.
        permissions.register_rule(
            "contacts.Organisation", Rule(by_network="partnerships__network", seen_by_all=True)
        )

        for model in (Organisation, Partnership, Contact):
            history.register(model)
        # A network's partners are part of the network: they come back with it.
        history.follow(Network, "partnerships")

        search.register(
            search.SearchKind(
                _("Ansprechpersonen"),
                Contact.objects.public,
                "name",
                ("function", "role", "note"),
                50,
            )
        )
        sitemaps.register("kontakte", Contact.objects.public)
        sitemaps.register("organisationen", Organisation.objects.public)
        register_suggestions("organisationen", Organisation.objects.public)
        demo_data.register(demo.load, models=[Organisation, Partnership, Contact])

        add_section(
            "networks.Network",
            Section("contacts/sections/partners.html", sections.network_partners, 10),
        )
        add_section(
            "networks.Network",
            Section("contacts/sections/contacts.html", sections.network_contacts, 40),
        )
        add_section(
            "networks.Municipality",
            Section("contacts/sections/contacts.html", sections.municipality_contacts, 40),
        )
