"""A GIN index on the expression PostgreSQL's search filters by: ``title || body``.

Wagtail's PostgreSQL backend (modelsearch.backends.database.postgres) matches a search against
the title and body vectors joined together, ``(title || body) @@ query``, while the index entry
table has a GIN index on each column alone, which that expression cannot use: every search read
every index entry (wagtail/wagtail#6546, whose fix, #6548, was never merged). An index on the
expression itself lets PostgreSQL find the matching entries first.

Only on PostgreSQL: on SQLite the entries are searched through their FTS5 table instead.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" USING gin (("title" || "body"))')


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
