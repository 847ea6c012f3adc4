from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("media", "0002_roles")]

    operations = [
        migrations.AlterModelOptions(
            name="downloadpluginmodel",
            options={
                "verbose_name": "Datei zum Herunterladen",
                "verbose_name_plural": "Dateien zum Herunterladen",
            },
        ),
        migrations.AlterModelOptions(
            name="imagepluginmodel",
            options={"verbose_name": "Bild", "verbose_name_plural": "Bilder"},
        ),
    ]
