"""Events as iCalendar (RFC 5545) files that calendar programs can import or subscribe to."""

from datetime import UTC, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.dates import BERLIN

PRODID = "-//Netzwerke der Städte und Gemeinden in Brandenburg//Portal//DE"
REFRESH_INTERVAL = timedelta(hours=6)

# Written out with the EU rules instead of generated from zoneinfo: the generated form lists
# every transition as an RDATE and stops in 2038; these two RRULEs hold for any year since
# 1996 and every calendar program understands them.
VTIMEZONE = icalendar.Timezone.from_ical(
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Berlin\r\n"
    "X-LIC-LOCATION:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:CEST\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:CET\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def event_uid(event):
    """Stable across edits and hosts, so that a subscribed calendar updates an event in place."""
    return f"veranstaltung-{event.pk}@{settings.CALENDAR_UID_DOMAIN}"


def listed_title(event):
    """The title as calendars and feeds list it: a cancelled event says so in its title, since
    not every calendar program or feed reader shows its status."""
    if event.is_cancelled:
        return _("Abgesagt: %(title)s") % {"title": event.title}
    return event.title


def event_days(event):
    """The first and the last day in Brandenburg on which the event takes place."""
    first = timezone.localtime(event.start, BERLIN).date()
    last = timezone.localtime(event.end, BERLIN).date() if event.end else first
    return first, last


def event_location(event):
    parts = [event.venue, event.address]
    municipality = event.host_municipality
    if municipality and not any(municipality.name in part for part in parts):
        parts.append(municipality.name)
    place = ", ".join(part for part in parts if part)
    return place or (_("Online") if event.online_url else "")


def _description(event, url):
    lines = [event.summary] if event.summary else []
    if event.online_url:
        lines.append(_("Online-Zugang: %(url)s") % {"url": event.online_url})
    if event.registration_url:
        lines.append(_("Anmeldung: %(url)s") % {"url": event.registration_url})
    lines.append(_("Mehr im Portal: %(url)s") % {"url": url})
    return "\n\n".join(lines)


def vevent(event, *, url, stamp):
    """One event; `url` is its page's absolute address."""
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("summary", listed_title(event))
    if event.all_day:
        first_day, last_day = event_days(event)
        component.add("dtstart", first_day)
        # DTEND of an all-day event is the day after its last day (RFC 5545, 3.6.1).
        component.add("dtend", last_day + timedelta(days=1))
    else:
        component.add("dtstart", timezone.localtime(event.start, BERLIN))
        if event.end:
            component.add("dtend", timezone.localtime(event.end, BERLIN))
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("description", _description(event, url))
    component.add("categories", [str(event.get_kind_display())])
    component.add("url", url)
    return component


def _text(value):
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _line(name, value):
    """A content line, folded before 75 octets (RFC 5545, 3.1), never inside a character."""
    data = f"{name}:{value}".encode()
    lines = []
    while len(data) > 74:
        cut = 74  # as the icalendar package folds: 74 octets, then a space and 74 more
        while data[cut] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
            cut -= 1
        if data[cut - 1] == 0x5C:  # nor inside an escape ("\\n"), as the icalendar package
            cut -= 1
        lines.append(data[:cut])
        data = data[cut:]
    lines.append(data)
    return b"\r\n ".join(lines) + b"\r\n"


def _local(moment):
    return timezone.localtime(moment, BERLIN).strftime("%Y%m%dT%H%M%S")


def vevent_ical(event, *, url, stamp, kinds=None):
    """vevent(event).to_ical(), written directly: the icalendar package takes milliseconds
    per event, too long for a calendar of tens of thousands (tests compare both). `kinds`:
    the labels of the kinds of event, translated once per calendar rather than per event."""
    lines = [
        b"BEGIN:VEVENT\r\n",
        _line("SUMMARY", _text(listed_title(event))),
    ]
    if event.all_day:
        first_day, last_day = event_days(event)
        lines.append(_line("DTSTART;VALUE=DATE", first_day.strftime("%Y%m%d")))
        end_day = last_day + timedelta(days=1)
        lines.append(_line("DTEND;VALUE=DATE", end_day.strftime("%Y%m%d")))
    else:
        lines.append(_line("DTSTART;TZID=Europe/Berlin", _local(event.start)))
        if event.end:
            lines.append(_line("DTEND;TZID=Europe/Berlin", _local(event.end)))
    lines.append(_line("DTSTAMP", stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")))
    lines.append(_line("UID", _text(event_uid(event))))
    kind = kinds[event.kind] if kinds else event.get_kind_display()
    lines.append(_line("CATEGORIES", _text(kind)))
    lines.append(_line("DESCRIPTION", _text(_description(event, url))))
    location = event_location(event)
    if location:
        lines.append(_line("LOCATION", _text(location)))
    lines.append(_line("STATUS", "CANCELLED" if event.is_cancelled else "CONFIRMED"))
    lines.append(_line("URL", url))
    lines.append(b"END:VEVENT\r\n")
    return b"".join(lines)


def calendar_file(events, *, name, request):
    """The iCalendar file of `events`, named `name`, as chunks of bytes: its head, one event at
    a time, its end. Links point to the host of `request`. A queryset is read in batches from
    a server-side cursor, so a calendar of a hundred thousand events needs the memory of a
    few hundred."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # As TEXT (RFC 5545, 3.3.11), with commas and semicolons escaped: icalendar knows NAME
    # and X-WR-CALNAME by no type and would write them as they are.
    calendar.calendar_name = icalendar.vText(name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL).to_ical().decode())
    calendar.add_component(VTIMEZONE)
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    yield head
    stamp = timezone.now()
    rows = events.iterator(chunk_size=500) if hasattr(events, "iterator") else events
    kinds = None
    for event in rows:
        if kinds is None:
            kinds = {value: str(label) for value, label in type(event).Kind.choices}
        url = request.build_absolute_uri(event.get_absolute_url())
        yield vevent_ical(event, url=url, stamp=stamp, kinds=kinds)
    yield b"END:VCALENDAR" + end
