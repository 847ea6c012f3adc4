from django.urls import path

from accounts import views

app_name = "accounts"

# Mounted under admin/ (portal.urls): not cached, not indexed, beside the login they belong to.
urlpatterns = [
    path("passwort-vergessen/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "passwort-vergessen/gesendet/",
        views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "passwort-neu/fertig/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("zweiter-faktor/", views.SecondFactorView.as_view(), name="second-factor"),
    path(
        "zweiter-faktor/einrichten/",
        views.SecondFactorSetupView.as_view(),
        name="second-factor-setup",
    ),
]
