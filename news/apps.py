from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Aktuelles")

    def ready(self):
        from news import demo, desk, sections, workflow
        from news.models import NewsAttachment, NewsItem
        from portal import apphooks, history, permissions, search, sitemaps
        from portal import demo as demo_data
        from portal.permissions import Rule
        from portal.sections import Section, add_section

        # City editors write about their municipalities, network offices about their networks.
        permissions.register_rule(
            "news.NewsItem",
            workflow.workflow.rule(by_municipality="municipalities", by_network="networks"),
        )
        permissions.register_rule(
            "news.NewsAttachment",
            Rule(by_municipality="item__municipalities", by_network="item__networks"),
        )
        # Attachments are part of their item: they come back with it.
        history.register(NewsItem, follow=("attachments",))
        history.register(NewsAttachment)
        search.register(
            search.SearchKind(
                _("Aktuelles"), NewsItem.objects.public, "title", ("teaser",), 45
            )
        )
        sitemaps.register("aktuelles", NewsItem.objects.public)
        demo_data.register(demo.load, models=[NewsItem])

        for label, data in (
            ("networks.Network", sections.network_news),
            ("networks.Municipality", sections.municipality_news),
        ):
            add_section(
                label,
                Section(
                    "news/sections/news.html", data, 5, head_template="news/sections/feeds.html"
                ),
            )
        desk.register()
        apphooks.extend("networks", "news.network_urls")
        apphooks.extend("municipalities", "news.municipality_urls")
