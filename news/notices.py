"""Who is told what about a news item (placeholder until the notices are written)."""


def step_taken(item, step_name, *, user, reason=""):
    return None


def status_changed(item, previous, *, user):
    return None


def corrected(item, *, user):
    return None
