"""The language each listing is sorted in, beside its sort key, and the indexes that serve each
language's A to Z page by page (ORDER BY title_sort_key LIMIT) from its first row.

The page's language is on wagtailcore_page, so an index on the sort key alone held both
languages' keys: an English directory page walked past every Welsh key first (3,000 rows at
10,000 pages) before it found its twenty.
"""

from django.db import migrations, models


def fill_title_language(apps, schema_editor):
    GroupPage = apps.get_model("directory", "GroupPage")
    rows = GroupPage.objects.values_list("pk", "locale__language_code")
    changed = [GroupPage(pk=pk, title_language=language) for pk, language in rows.iterator()]
    GroupPage.objects.bulk_update(changed, ["title_language"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0016_suggestion_listed_and_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="grouppage",
            name="title_language",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                help_text="Filled in from the page's language: the directory this listing is sorted in.",
                max_length=8,
                verbose_name="language listed in",
            ),
        ),
        migrations.RunPython(fill_title_language, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="grouppage", name="group_title_order"),
        migrations.RemoveIndex(model_name="grouppage", name="group_letter_title_order"),
        migrations.AddIndex(
            model_name="grouppage",
            index=models.Index(fields=["title_language", "title_sort_key"], name="group_language_title_order"),
        ),
        migrations.AddIndex(
            model_name="grouppage",
            index=models.Index(
                fields=["title_language", "title_initial", "title_sort_key"], name="group_language_letter_order"
            ),
        ),
    ]
