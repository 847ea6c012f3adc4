from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.contrib.auth.models import Group, User

        from portal import history
        from portal.models import Responsibility

        history.register(Responsibility)
        # A revert must never bring back an old password hash.
        history.register(User, follow=("responsibility",), exclude=("password", "last_login"))
        history.register(Group)
        history.register_page_content()
