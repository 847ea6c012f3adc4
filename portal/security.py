"""The Content-Security-Policy of each response: strict for visitors, relaxed only as far as
the CMS toolbar, structure mode and the admin need it for logged-in staff (README,
"Security headers")."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_staff(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the staff policy (CONTENT_SECURITY_POLICY_STAFF) for staff.

    Every policy carries a nonce, also where no template asked for one, so that a script added
    to a template with `nonce="{{ request.csp_nonce }}"` works on every page. The middleware
    stands inside the public page cache: a cached page keeps the header it was rendered with,
    so its nonce and header always match."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only:
            str(request.csp_nonce)  # makes the nonce, so the header names it
            parts.nonce = request._csp_nonce
            if parts.config is None and is_staff(request):
                staff = settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]
                parts = PolicyParts(default_config(staff), parts.update, parts.replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if HEADER in response:
            # django-csp joins the directives in the order of a set; one order reads better
            # (and compares) in logs and tests.
            directives = sorted(response[HEADER].split("; "), key=_directive_order)
            response[HEADER] = "; ".join(directives)
        return response


def _directive_order(directive):
    return (not directive.startswith("default-src "), directive)
