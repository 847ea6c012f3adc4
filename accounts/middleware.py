from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from accounts.policy import confirmed_device, must_verify

# What a person who still owes the second factor may reach besides the steps to give it.
OPEN_VIEWS = {"admin:logout", "set_language"}


class SecondFactorMiddleware:
    """A person who must give a second factor and has not in this session reaches nothing but
    the steps to give or set one up, and the logout: no admin page, no CMS toolbar, no page
    of the site. The password alone is not a login for them, through the admin's login form
    or the toolbar's alike. Goes after django_otp.middleware.OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if must_verify(request.user) and not self._open(request):
            step = (
                "accounts:second-factor"
                if confirmed_device(request.user)
                else "accounts:second-factor-setup"
            )
            return redirect_to_login(request.get_full_path(), reverse(step))
        return self.get_response(request)

    @staticmethod
    def _open(request):
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return False
        return match.namespace == "accounts" or match.view_name in OPEN_VIEWS
