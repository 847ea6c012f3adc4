"""The portal's URLs with the bare view in front (used only by bench.settings). The portal's
patterns are taken as they are rather than included: Django refuses i18n_patterns in an
included urlconf."""

from django.urls import path

from bench import views
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("__bench__/bare/", views.bare, name="bench-bare"), *portal_urlpatterns]
