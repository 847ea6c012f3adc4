"""Notices are kept, sent once the change is committed, and kept for resending when the mail
server refuses them; the mail server is configured by EMAIL_URL."""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.test import override_settings

from notices.checks import mail_server_configured
from notices.mail import notify, resend
from notices.models import Notice
from portal.settings import email_server

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: the connection is refused at once.
MAIL_SERVER_DOWN = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=1,
    EMAIL_USE_TLS=False,
    EMAIL_USE_SSL=False,
    EMAIL_TIMEOUT=5,
)


def test_a_notice_is_sent_once_the_transaction_commits(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks() as callbacks:
        notice = notify(["a@example.org", "b@example.org", "a@example.org"], "Betreff", "Text")
        assert notice.status == Notice.Status.PENDING
        assert mailoutbox == []

    for callback in callbacks:
        callback()

    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    assert notice.sent_at is not None
    assert notice.attempts == 1
    assert notice.recipient_list == ["a@example.org", "b@example.org"]
    [message] = mailoutbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.subject == "Betreff"
    assert message.body == "Text"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL


def test_nothing_is_sent_when_the_change_is_rolled_back(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            notify(["a@example.org"], "Betreff", "Text")
            transaction.set_rollback(True)

    assert mailoutbox == []
    assert not Notice.objects.exists()


def test_nobody_to_tell_is_no_notice(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(["", None], "Betreff", "Text") is None

    assert mailoutbox == []
    assert not Notice.objects.exists()


def test_a_subject_stays_on_one_line(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(["a@example.org"], "Zwei\nZeilen", "Text")

    assert mailoutbox[0].subject == "Zwei Zeilen"


def test_a_refused_notice_is_kept_logged_and_sent_again_later(
    mailoutbox, django_capture_on_commit_callbacks, caplog
):
    with (
        MAIL_SERVER_DOWN,
        caplog.at_level(logging.WARNING, logger="notices"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notice = notify(["a@example.org"], "Betreff", "Text")

    notice.refresh_from_db()
    assert notice.status == Notice.Status.FAILED
    assert notice.attempts == 1
    assert notice.sent_at is None
    assert "ConnectionRefusedError" in notice.error
    [record] = [record for record in caplog.records if record.name == "notices"]
    assert record.levelno == logging.WARNING
    assert "a@example.org" in record.getMessage()

    assert resend(notice) is True

    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    assert notice.attempts == 2
    assert notice.error == ""
    assert [message.to for message in mailoutbox] == [["a@example.org"]]


# Configuration


def test_email_url_names_server_port_account_and_encryption():
    config = email_server("smtp://portal%40example.org:geh%3Aeim%2F1@mail.example.org:587?tls=1")

    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "portal@example.org",
        "EMAIL_HOST_PASSWORD": "geh:eim/1",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_email_url_with_ssl_defaults_to_port_465_and_without_account():
    config = email_server("smtp://mail.example.org?ssl=1")

    assert config["EMAIL_PORT"] == 465
    assert config["EMAIL_USE_SSL"] is True
    assert config["EMAIL_USE_TLS"] is False
    assert config["EMAIL_HOST_USER"] == config["EMAIL_HOST_PASSWORD"] == ""


@pytest.mark.parametrize(
    "url", ["mail.example.org", "http://mail.example.org", "smtp://mail.example.org?tls=1&ssl=1"]
)
def test_a_wrong_email_url_stops_start_up(url):
    with pytest.raises(ImproperlyConfigured):
        email_server(url)


def test_deployment_check_warns_without_a_mail_server():
    with override_settings(
        DEBUG=False, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"
    ):
        assert [warning.id for warning in mail_server_configured(None)] == ["notices.W001"]
    with override_settings(
        DEBUG=False, EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"
    ):
        assert mail_server_configured(None) == []
