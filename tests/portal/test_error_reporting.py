"""Error reports (portal.error_reporting) go out only with SENTRY_DSN and carry no personal
data."""

import copy

from portal.error_reporting import scrub, sentry_options

DSN = "https://public@errors.example.org/3"

# An event as Sentry's Django integration builds it for an error in a logged-in request.
EVENT = {
    "event_id": "abc",
    "level": "error",
    "platform": "python",
    "server_name": "portal-2",
    "user": {"id": "17", "username": "rita", "email": "redaktion@stadt.example.org"},
    "request": {
        "method": "POST",
        "url": "https://netzwerke.example.org/admin/events/event/17/change/",
        "query_string": "email=redaktion@stadt.example.org",
        "cookies": {"sessionid": "secret-session", "csrftoken": "token"},
        "headers": {"Cookie": "sessionid=secret-session", "X-Forwarded-For": "192.0.2.7"},
        "data": {"title": "Frühjahrssitzung", "contact_email": "kontakt@example.org"},
        "env": {"REMOTE_ADDR": "192.0.2.7"},
    },
    "breadcrumbs": {"values": [{"message": "Notice an buero@netz.example.org gesendet"}]},
    "extra": {"sys.argv": ["manage.py", "createsuperuser", "--email", "chef@example.org"]},
    "exception": {
        "values": [
            {
                "type": "IntegrityError",
                "value": "duplicate key (email)=(redaktion@stadt.example.org) from 2001:db8::7",
                "stacktrace": {
                    "frames": [
                        {
                            "function": "save",
                            "vars": {"password": "x-Geheim-123", "user": "<User: rita>"},
                        }
                    ]
                },
            }
        ]
    },
    "logentry": {
        "message": "Login von %s fehlgeschlagen",
        "params": ["192.0.2.7"],
        "formatted": "Login von 192.0.2.7 fehlgeschlagen",
    },
}
PERSONAL = [
    "rita",
    "redaktion@stadt.example.org",
    "kontakt@example.org",
    "buero@netz.example.org",
    "chef@example.org",
    "secret-session",
    "192.0.2.7",
    "2001:db8::7",
    "x-Geheim-123",
    "Frühjahrssitzung",
]


def test_without_a_dsn_nothing_is_reported():
    assert sentry_options({}) is None
    assert sentry_options({"SENTRY_DSN": "  "}) is None


def test_the_sdk_is_told_to_send_no_personal_data():
    options = sentry_options({"SENTRY_DSN": DSN})

    assert options["dsn"] == DSN
    assert options.get("send_default_pii") is None  # the SDK's default: no personal data
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"
    assert options["max_breadcrumbs"] == 0
    assert options["traces_sample_rate"] == 0
    assert options["before_send"] is scrub


def test_an_event_leaves_without_personal_data():
    event = scrub(copy.deepcopy(EVENT))

    sent = repr(event)
    assert [value for value in PERSONAL if value in sent] == []
    # What is needed to find the error stays.
    assert event["request"] == {
        "method": "POST",
        "url": "https://netzwerke.example.org/admin/events/event/17/change/",
    }
    [exception] = event["exception"]["values"]
    assert exception["type"] == "IntegrityError"
    assert exception["value"].startswith("duplicate key (email)=([entfernt])")
    assert exception["stacktrace"]["frames"] == [{"function": "save"}]
    assert event["logentry"]["formatted"] == "Login von [entfernt] fehlgeschlagen"
    assert event["server_name"] == "portal-2"


def test_the_sdk_sends_nothing_personal_of_a_logged_in_request():
    """Sentry's SDK with the portal's options, in a scope of its own (the tests' global client
    stays off), and a transport that keeps what would be sent."""
    import sentry_sdk
    from sentry_sdk.transport import Transport

    sent = []

    class Kept(Transport):
        def capture_envelope(self, envelope):
            sent.append(envelope.get_event())

    options = sentry_options({"SENTRY_DSN": DSN})
    client = sentry_sdk.Client(transport=Kept, default_integrations=False, **options)
    with sentry_sdk.isolation_scope() as scope:
        scope.set_client(client)
        scope.set_user(EVENT["user"])
        scope.add_breadcrumb(message=EVENT["breadcrumbs"]["values"][0]["message"])
        password = EVENT["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"]["password"]
        try:
            # The source lines of the frame are sent: they name no value of these.
            raise ValueError(f"Adresse {EVENT['user']['email']} schon vergeben ({len(password)})")
        except ValueError:
            scope.capture_exception()
    client.flush()

    [event] = sent
    assert [value for value in PERSONAL if value in repr(event)] == []
    assert event["exception"]["values"][0]["value"] == "Adresse [entfernt] schon vergeben (12)"
