"""The dossier code compared byte by byte, its uniqueness as a constraint (no LIKE index), and on
PostgreSQL the schema that holds the import's working tables
(``apps.dossiers.pipeline.dialect.WORK_SCHEMA``)."""

from django.db import migrations, models

import apps.dossiers.models


def create_schema(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE SCHEMA IF NOT EXISTS cchc_import")


def drop_schema(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP SCHEMA IF EXISTS cchc_import CASCADE")


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0002_import_unit"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dossier",
            name="code",
            field=apps.dossiers.models.CodeField(max_length=60, verbose_name="mã hồ sơ (MaHoSo)"),
        ),
        migrations.AddConstraint(
            model_name="dossier",
            constraint=models.UniqueConstraint(fields=("code",), name="dossier_code_unique"),
        ),
        migrations.RunPython(create_schema, drop_schema),
    ]
