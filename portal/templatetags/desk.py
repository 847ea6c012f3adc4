from django import template

from portal import desk

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_panels(context):
    """The staff's desk for the person looking at the admin's start page (portal.desk)."""
    return desk.panels_for(context["request"].user)
