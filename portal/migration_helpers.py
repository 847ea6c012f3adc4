"""Pieces the apps' data migrations share."""


def fill_times_from_history(apps, schema_editor, models):
    """Set `created` and `modified` of records that have none from their history: the first
    and the last version (django-reversion). Records without history keep none: nothing
    recorded when they were made."""
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for label in models:
        app_label, model_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        content_type = (
            ContentType.objects.using(db)
            .filter(app_label=app_label, model=model_name.lower())
            .first()
        )
        if content_type is None:
            continue
        versions = (
            Version.objects.using(db)
            .filter(content_type=content_type)
            .values_list("object_id", "revision__date_created")
            .order_by("revision__date_created")
        )
        times = {}
        for object_id, when in versions:
            first, _last = times.get(object_id, (when, when))
            times[object_id] = (first, when)
        for record in model.objects.using(db).filter(created__isnull=True):
            if str(record.pk) in times:
                first, last = times[str(record.pk)]
                model.objects.using(db).filter(pk=record.pk).update(created=first, modified=last)
