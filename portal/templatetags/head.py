from django import template
from django.utils.safestring import mark_safe

from portal import head

register = template.Library()


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the nodelist renders is already escaped.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: renders its content once into a variable, so
    that the page title a template's {% block title %} gives serves <title> and og:title."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description (portal.head.description)."""
    return head.description(context) if "request" in context else ""


@register.inclusion_tag("portal/head.html", takes_context=True)
def page_head(context, title=""):
    """Canonical address, the page in the other languages, Open Graph and icons."""
    if "request" not in context:
        return {}
    return {"head": head.page_head(context), "title": title}
