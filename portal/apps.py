from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


def name_the_site(**kwargs):
    """The Sites framework's record carries the portal's name and domain from the settings,
    so that nothing says example.com."""
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"name": settings.SITE_NAME, "domain": settings.SITE_DOMAIN}
    )


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.contrib.auth.models import Group, User

        post_migrate.connect(name_the_site, sender=self)

        from portal import caching, history
        from portal.models import Responsibility
        from portal.sanitize import keep_no_style_in_rich_text

        history.register(Responsibility)
        # A revert must never bring back an old password hash.
        history.register(User, follow=("responsibility",), exclude=("password", "last_login"))
        history.register(Group)
        history.register_page_content()
        caching.watch_content()
        keep_no_style_in_rich_text()
