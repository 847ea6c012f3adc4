"""A month of events laid out as weeks from Monday to Sunday."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from events.ical import event_days

# A day shows this many of its events; the rest are a link to the list of that day (a busy
# portal has fifty events on a day).
DAY_SHOWN = 5

# Months outside this span are a 404, which also keeps crawlers from following the previous
# and next links forever.
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass
class Day:
    date: date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)
    # How many events of the day are not shown, and the list with all of them.
    more: int = 0
    more_url: str = ""


def shift_month(day, months):
    """The first day of the month `months` after the month of `day` (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def is_shown(year, month):
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12


def month_weeks(year, month, events):
    """The weeks that show the month, each a list of seven Days; the days of the month carry
    the events that take place on them, the first DAY_SHOWN of them (`more`: the others)."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    today = timezone.localdate()
    days = {
        day: Day(date=day, in_month=day.month == month, is_today=day == today)
        for week in weeks
        for day in week
    }
    first_of_month = date(year, month, 1)
    last_of_month = shift_month(first_of_month, 1) - timedelta(days=1)
    for event in events:
        first, last = event_days(event)
        day = max(first, first_of_month)
        while day <= min(last, last_of_month):
            days[day].events.append(event)
            day += timedelta(days=1)
    for day in days.values():
        if len(day.events) > DAY_SHOWN:
            day.more = len(day.events) - DAY_SHOWN
            day.events = day.events[:DAY_SHOWN]
    return [[days[day] for day in week] for week in weeks]
