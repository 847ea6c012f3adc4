"""The portal's demo data: each app declares a loader for its records (AppConfig.ready), and
`manage.py load_demo_data` runs them in the order of INSTALLED_APPS, so that an app's loader
finds the records of the apps it builds on.

Loading creates what is missing and leaves every existing record as editors left it; only a
reset (development only) puts the demo values back."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class Loader:
    load: object
    # The models whose rows the command reports afterwards.
    models: tuple


LOADERS = []


def register(load, *, models):
    LOADERS.append(Loader(load, tuple(models)))


@transaction.atomic
def load_demo_data(*, reset=False) -> dict[str, int]:
    """Create the missing demo records (with `reset`, also put back the demo values of the
    existing ones); returns the number of rows per model afterwards."""
    for loader in LOADERS:
        loader.load(reset=reset)
    return {model.__name__: model.objects.count() for loader in LOADERS for model in loader.models}


def put(model, defaults, *, reset, **lookup):
    """The demo record found by `lookup`, created from `defaults` when missing. An existing
    record stays as it is, unless `reset`. Returns (record, fill): fill is true when the
    record's relations are to be set from the demo data too."""
    if reset:
        record, _created = model.objects.update_or_create(defaults=defaults, **lookup)
        return record, True
    return model.objects.get_or_create(defaults=defaults, **lookup)


def german_slug(name):
    """„Fürstenwalde/Spree“ → „fuerstenwalde-spree“."""
    return slugify(name.lower().translate(GERMAN_LETTERS).replace("/", " "))


def fixture_path(name):
    return settings.BASE_DIR / "fixtures" / name


def read_json(name):
    return json.loads(fixture_path(name).read_text(encoding="utf-8"))


def fields_of(record, *related):
    """A fixture record as model field values: without the keys handled separately, with the
    list of sources as one source per line."""
    fields = {key: value for key, value in record.items() if key not in ("slug", *related)}
    if "sources" in fields:
        fields["sources"] = "\n".join(fields["sources"])
    return fields


def one(model, slug):
    return model.objects.get(slug=slug) if slug else None


def by_slug(model, slugs):
    return [model.objects.get(slug=slug) for slug in slugs]
