"""Apphooks whose URL space the apps that build on them extend.

A network's calendar lives at /netzwerke/<slug>/kalender.ics, under the networks' page, but
belongs to the events app: the events app adds its urlconf to the networks' apphook
(AppConfig.ready), and the networks app needs to know nothing of events.
"""

from collections import defaultdict

from cms.app_base import CMSApp

EXTENSIONS = defaultdict(list)


def extend(app_name, urlconf):
    """Mount `urlconf` (a module path) under the apphook named `app_name`, in its namespace."""
    EXTENSIONS[app_name].append(urlconf)


class ExtensibleApphook(CMSApp):
    urlconf = None

    def get_urls(self, page=None, language=None, **kwargs):
        return [self.urlconf, *EXTENSIONS[self.app_name]]
