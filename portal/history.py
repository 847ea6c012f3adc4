"""The change history of every record editors can change, kept with django-reversion.

Every admin save is a revision (who, when, the admin's change message) that can be reverted;
a deleted record can be recovered. Two gaps of the plain library are closed here: a record
that never went through the admin (demo data, imports) gets a snapshot of its state before
its first change, and every deletion stores the state just before, with everything the
deletion cascades to, so that recovering a record brings its relations back.

The free content of a record's page (its placeholder and the plugins in it) is part of the
record's history: every change made in the CMS's edit or structure mode is a revision of the
record, so it can be undone like any other change, and a recovered record comes back with it.
"""

import reversion
from cms import operations
from cms.models import CMSPlugin, Placeholder
from cms.signals import post_placeholder_operation, pre_placeholder_operation
from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import router
from django.dispatch import receiver
from django.utils import timezone
from reversion.models import Revision, Version
from reversion.signals import post_revision_commit

from portal.models import EditorialContent

# The models whose history is kept, with the relations saved and reverted together with a
# record: its own parts. Many-to-many fields (the municipalities of an initiative, the
# networks of an event) are part of the record itself and always come back with it.
FOLLOW = {}
EXCLUDE = {}


def register(model, *, follow=(), exclude=()):
    """Keep the history of `model`; each app declares its models in AppConfig.ready().

    The admin's VersionAdmin registers the models it shows on its own (following its inlines)
    before the apps are ready; this registration replaces that one.
    """
    if issubclass(model, EditorialContent) and "placeholders" not in follow:
        follow = (*follow, "placeholders")
    # Generated columns (search vectors, end times) follow from the rest: not stored, so that
    # versions made before such a column existed still read and revert.
    generated = [field.name for field in model._meta.concrete_fields if field.generated]
    exclude = (*exclude, *(name for name in generated if name not in exclude))
    if reversion.is_registered(model):
        reversion.unregister(model)
    reversion.register(model, follow=follow, exclude=exclude)
    FOLLOW[model], EXCLUDE[model] = tuple(follow), tuple(exclude)
    # Link rows are versioned only when a record they point to is deleted (see below).
    for link_table in _link_tables([model]):
        if not reversion.is_registered(link_table):
            reversion.register(link_table)


def follow(model, name):
    """Save and revert the relation `name` with `model` too: an app whose records are parts of
    another app's record (the partners of a network) declares so."""
    register(model, follow=(*FOLLOW[model], name), exclude=EXCLUDE[model])


def register_page_content():
    """Placeholders with their plugins, each plugin with the row of its own kind (the text of a
    text plugin), so that a record's revision holds its page content."""
    plugin_models = [
        model
        for model in apps.get_models()
        if issubclass(model, CMSPlugin) and model is not CMSPlugin
    ]
    register(Placeholder, follow=("cmsplugin_set",))
    children = [
        relation.get_accessor_name()
        for relation in CMSPlugin._meta.related_objects
        if relation.one_to_one and relation.related_model in plugin_models
    ]
    register(CMSPlugin, follow=children)
    for model in plugin_models:
        register(model)


def owner(obj):
    """The record a placeholder or plugin belongs to (a record's page content is the record's
    to change); any other object is its own owner."""
    if isinstance(obj, CMSPlugin):
        obj = obj.placeholder
    if isinstance(obj, Placeholder):
        source = obj.source
        return source if isinstance(source, EditorialContent) else obj
    return obj


def _link_tables(models=None):
    """The automatic tables behind the many-to-many fields, with the name of the column that
    points to the record declaring the field."""
    return {
        field.remote_field.through: field.m2m_field_name()
        for model in (FOLLOW if models is None else models)
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    }


def _followed(obj):
    for name in FOLLOW.get(type(obj), ()):
        related = getattr(obj, name, None)
        if related is None:
            continue
        if hasattr(related, "all"):
            yield from related.all()
        else:
            yield related


def snapshot(objects, *, user=None, comment=""):
    """Store the current state of `objects` as a revision of its own, at once.

    Written directly rather than with reversion.create_revision(): inside the admin's own
    revision block a nested block would merge into it and be saved only at its end, after
    a deletion, when reversion drops versions of objects that no longer exist.
    """
    objects = [obj for obj in objects if reversion.is_registered(type(obj)) and obj.pk]
    if not objects:
        return None
    revision = Revision.objects.create(
        date_created=timezone.now(), user=user if user and user.pk else None, comment=comment
    )
    seen = set()
    versions = []
    for obj in objects:
        key = (type(obj), obj.pk)
        if key in seen:
            continue
        seen.add(key)
        versions.append(
            Version(
                revision=revision,
                content_type=ContentType.objects.get_for_model(type(obj)),
                object_id=str(obj.pk),
                db=router.db_for_write(type(obj)),
                format="json",
                serialized_data=serializers.serialize("json", [obj]),
                object_repr=str(obj)[:191],
            )
        )
    Version.objects.bulk_create(versions)
    return revision


def has_history(obj):
    return Version.objects.get_for_object(obj).exists()


def snapshot_before_first_change(obj):
    """A record that has no history yet gets its current state as its first version."""
    if reversion.is_registered(type(obj)) and not has_history(obj):
        snapshot([obj, *_followed(obj)], comment="Ausgangsstand vor der ersten Änderung")


def snapshot_before_delete(objects, *, user=None):
    """The state of `objects` and of everything their deletion cascades to.

    That includes the links other records have to them: deleting a network removes it from
    its events, and recovering the network puts it back there. A deleted record's own links
    are part of the record already and come back with it.
    """
    objects = list(objects)
    if not objects:
        return None
    collector = NestedObjects(using=router.db_for_write(type(objects[0])))
    collector.collect(objects)
    doomed = [obj for model_objects in collector.data.values() for obj in model_objects]
    doomed_keys = {(type(obj), obj.pk) for obj in doomed}
    link_tables = _link_tables()

    def own_link(obj):
        source_field = link_tables.get(type(obj))
        if source_field is None:
            return False
        source_model = type(obj)._meta.get_field(source_field).related_model
        return (source_model, getattr(obj, f"{source_field}_id")) in doomed_keys

    kept = [obj for obj in doomed if not own_link(obj)]
    return snapshot([*objects, *kept], user=user, comment="Stand vor dem Löschen")


# Changes made in the CMS's edit and structure mode.

CONTENT_CHANGES = {
    operations.ADD_PLUGIN: "Seiteninhalt: Element hinzugefügt.",
    operations.CHANGE_PLUGIN: "Seiteninhalt: Element geändert.",
    operations.DELETE_PLUGIN: "Seiteninhalt: Element gelöscht.",
    operations.MOVE_PLUGIN: "Seiteninhalt: Element verschoben.",
    operations.CUT_PLUGIN: "Seiteninhalt: Element ausgeschnitten.",
    operations.PASTE_PLUGIN: "Seiteninhalt: Element eingefügt.",
    operations.PASTE_PLACEHOLDER: "Seiteninhalt: eingefügt.",
    operations.ADD_PLUGINS_FROM_PLACEHOLDER: "Seiteninhalt: übernommen.",
    operations.CLEAR_PLACEHOLDER: "Seiteninhalt: geleert.",
}


def _records(arguments):
    """The versioned records whose page content an operation touched."""
    placeholders = [
        arguments.get(name) for name in ("placeholder", "source_placeholder", "target_placeholder")
    ]
    records = {}
    for placeholder in placeholders:
        record = owner(placeholder) if placeholder is not None else None
        if isinstance(record, EditorialContent) and reversion.is_registered(type(record)):
            records[(type(record), record.pk)] = record
    return list(records.values())


@receiver(pre_placeholder_operation)
def _before_content_change(sender, operation, request, **arguments):
    for record in _records(arguments):
        snapshot_before_first_change(record)


@receiver(post_placeholder_operation)
def _after_content_change(sender, operation, request, **arguments):
    records = _records(arguments)
    if not records:
        return
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(CONTENT_CHANGES.get(operation, "Seiteninhalt geändert."))
        for record in records:
            # A fresh copy: the record in the operation's arguments may hold stale relations.
            reversion.add_to_revision(type(record)._default_manager.get(pk=record.pk))


@receiver(post_revision_commit)
def _fresh_page_content(sender, revision, versions, **arguments):
    """Reverting or recovering changes plugins behind django-cms' back: its cached renderings
    of the placeholders in the revision are dropped."""
    ids = [version.object_id for version in versions if version._model is Placeholder]
    for placeholder in Placeholder.objects.filter(pk__in=ids):
        for language, _name in settings.LANGUAGES:
            placeholder.clear_cache(language)
