"""What django-axes needs from the portal besides its settings."""

from django.conf import settings


def client_address(request):
    """The address a login attempt came from (settings.AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR,
    or, behind LOGIN_TRUSTED_PROXIES reverse proxies, the address the outermost of them saw.
    Each proxy appends what it saw to X-Forwarded-For; what a client sent itself stays to the
    left and is never read."""
    proxies = settings.LOGIN_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
