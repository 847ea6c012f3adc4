"""Who is told what about a news item, by e-mail (notices.review, which sends once the change is
saved): the offices of its networks about a submission and about someone else's correction of
a published item, the author about publication, withdrawal and sending back."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem
from notices import review


def _date(item):
    if item.published is None:
        return ""
    return formats.date_format(timezone.localtime(item.published), "DATE_FORMAT")


NEWS = review.Kind(
    noun=_("Meldung"),
    plural=_("Meldungen"),
    when=_date,
    schedule_field="published",
    decisions={
        "withdraw": review.Decision(
            NewsItem.Status.WITHDRAWN,
            _("Zurückgezogen: %(title)s"),
            _(
                "%(person)s hat Ihre Meldung %(record)s zurückgezogen. Sie ist im Portal nicht "
                "mehr öffentlich zu sehen."
            ),
        ),
    },
)


def step_taken(item, step_name, *, user, reason=""):
    """Tell whom it concerns that `user` took the workflow step `step_name` ("submit",
    "publish", "withdraw", "send_back") for `item`; the notice, or None."""
    return review.step_taken(NEWS, item, step_name, user=user, reason=reason)


def status_changed(item, previous, *, user):
    """After a form set the status of `item` (from `previous`, None for a new item): the
    workflow step that amounts to, told as if taken."""
    return review.status_changed(NEWS, item, previous, user=user)


def corrected(item, *, user):
    """After `user` changed `item` (networks saved): if it is published and the user is not
    one who decides that (a city editor), its network offices are told."""
    # Not at the top: news.workflow calls this module.
    from news.workflow import workflow

    if not workflow.is_correction(user, item):
        return None
    return review.corrected(NEWS, item, user=user)
