from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import verify_token


class TokenForm(forms.Form):
    """The six-digit code an authenticator app shows for `device`."""

    token = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _(
                    "Zu viele falsche Codes. Bitte warten Sie einen Moment und versuchen Sie es "
                    "dann mit dem aktuellen Code noch einmal."
                )
            )
        # django-otp checks within a transaction, counts failures and refuses a code used before.
        device = verify_token(self.device.user, self.device.persistent_id, token)
        if device is None:
            raise forms.ValidationError(
                _(
                    "Der Code stimmt nicht. Bitte geben Sie den Code ein, den die App gerade "
                    "anzeigt."
                )
            )
        self.device = device
        return token
