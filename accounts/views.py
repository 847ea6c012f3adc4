from base64 import b32encode
from math import ceil

import segno
from axes.helpers import get_cool_off
from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login

from accounts.forms import TokenForm
from accounts.policy import confirmed_device, device_to_set_up, second_factor_mandatory


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login while the account is locked for this address
    (settings.AXES_LOCKOUT_CALLABLE): a page in the portal's design, the right password too."""
    cool_off = get_cool_off(request)
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": ceil(cool_off.total_seconds() / 60) if cool_off else None},
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class AdminLook:
    """The admin's header on pages that are not the admin site's own (as its login page)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            site_header=admin.site.site_header,
            site_title=admin.site.site_title,
            site_url=admin.site.site_url,
            **kwargs,
        )


# Password reset by e-mail. Django's form answers an unknown address as a known one (the same
# page, no mail), and sends only to active accounts with a usable password.


class PasswordResetView(AdminLook, auth_views.PasswordResetView):
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    title = _("Passwort vergessen")

    @property
    def extra_email_context(self):
        # Links in mails lead to the configured address, never to a Host header's.
        return {
            "base_url": settings.PORTAL_BASE_URL,
            "site_name": settings.SITE_NAME,
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }


class PasswordResetDoneView(AdminLook, auth_views.PasswordResetDoneView):
    title = _("E-Mail unterwegs")


class PasswordResetConfirmView(AdminLook, auth_views.PasswordResetConfirmView):
    reset_url_token = "neues-passwort"
    success_url = reverse_lazy("accounts:password-reset-complete")
    title = _("Neues Passwort")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The owner has proven access to the mailbox: a lockout of the account ends.
        reset_login_failures(username=form.user.get_username())
        return response


class PasswordResetCompleteView(AdminLook, auth_views.PasswordResetCompleteView):
    title = _("Passwort geändert")


# The second factor


class SecondFactorStep(AdminLook, LoginRequiredMixin, FormView):
    login_url = reverse_lazy("admin:login")
    form_class = TokenForm
    title = ""

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("admin:index")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, next=self.next_url(), **kwargs)

    def form_valid(self, form):
        otp_login(self.request, form.device)
        return redirect(self.next_url())


class SecondFactorView(SecondFactorStep):
    """The code from the app, after the password."""

    template_name = "accounts/second_factor.html"
    title = _("Zweiter Faktor")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.user.is_verified():
            return redirect(self.next_url())
        self.device = confirmed_device(request.user)
        if self.device is None:
            return redirect(_same_query(request, "accounts:second-factor-setup"))
        return super().dispatch(request, *args, **kwargs)


class SecondFactorSetupView(SecondFactorStep):
    """Sets up an authenticator app for staff: a QR code (an SVG made here, nothing loaded from
    elsewhere), the key to type in, then the first code. A person who has a device gives its
    code instead; a lost device is deleted by an administrator (TOTP devices in the admin)."""

    template_name = "accounts/second_factor_setup.html"
    title = _("Zweiten Faktor einrichten")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if confirmed_device(request.user) is not None:
            return redirect(_same_query(request, "accounts:second-factor"))
        if not request.user.is_staff:
            raise PermissionDenied
        self.device = device_to_set_up(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        url = self.device.config_url
        return super().get_context_data(
            mandatory=second_factor_mandatory(self.request.user),
            # segno draws the SVG from the URI's bits; black on white for any admin theme.
            qr_code=mark_safe(
                segno.make(url, error="m").svg_inline(
                    scale=4, dark="#000", light="#fff", title=_("QR-Code für die Authenticator-App")
                )
            ),
            secret=b32encode(self.device.bin_key).decode(),
            config_url=url,
            **kwargs,
        )

    def form_valid(self, form):
        form.device.confirmed = True
        form.device.save(update_fields=["confirmed"])
        return super().form_valid(form)


def _same_query(request, view_name):
    """The other step of the second factor, with the same address to go on to."""
    query = request.GET.urlencode()
    return f"{reverse(view_name)}?{query}" if query else reverse(view_name)
