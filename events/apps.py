from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Veranstaltungen")

    def ready(self):
        from events import demo, desk, sections, workflow
        from events.models import Event, EventAttachment
        from portal import apphooks, history, permissions, search, sitemaps
        from portal import demo as demo_data
        from portal.permissions import Rule
        from portal.sections import Section, add_section

        permissions.register_rule(
            "events.Event",
            workflow.workflow.rule(by_municipality="host_municipality", by_network="networks"),
        )
        permissions.register_rule(
            "events.EventAttachment",
            Rule(by_municipality="event__host_municipality", by_network="event__networks"),
        )
        # Attachments are part of their event: they come back with it.
        history.register(Event, follow=("attachments",))
        history.register(EventAttachment)
        search.register(
            search.SearchKind(
                _("Veranstaltungen"),
                Event.objects.public,
                "title",
                ("summary", "description", "venue"),
                40,
            )
        )
        sitemaps.register("veranstaltungen", Event.objects.public)
        demo_data.register(demo.load, models=[Event])

        add_section(
            "networks.Network",
            Section(
                "events/sections/events.html",
                sections.network_events,
                30,
                head_template="events/sections/network_feeds.html",
            ),
        )
        add_section(
            "networks.Municipality",
            Section("events/sections/events.html", sections.municipality_events, 30),
        )
        desk.register()
        apphooks.extend("networks", "events.network_urls")
        apphooks.extend("municipalities", "events.municipality_urls")
