"""Data migrations that several apps run on their own pages.

The body block's changes are Wagtail StreamField block operations, run by ``MigrateStreamData``
over the pages and their revisions
(https://docs.wagtail.org/en/stable/advanced_topics/streamfield_migrations.html); the links to
translated pages are a ``RunPython`` function.
"""

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class ImageWithAltTextToFigureOperation(BaseBlockOperation):
    """The project's old image block ``{image, alt_text, caption}`` to ``FigureBlock``'s
    ``{image: {image, decorative, alt_text}, caption}`` (Wagtail's ``ImageBlock`` inside).

    An empty alt text meant "the picture is decoration" (the old help text said so), which is
    what Wagtail's "decorative" says now. A value already in the new shape is left alone, so the
    migration can run twice.
    """

    def apply(self, block_value):
        if isinstance(block_value.get("image"), dict):
            return block_value
        alt_text = (block_value.get("alt_text") or "").strip()
        return {
            "image": {"image": block_value.get("image"), "decorative": not alt_text, "alt_text": alt_text},
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "image_with_alt_text_to_figure"


def links_follow_the_language(model_label, field_name):
    """A ``RunPython`` function pointing ``field_name`` (a foreign key to a translated page) of
    each ``model_label`` page at the linked page's translation in that page's own language,
    where there is one: what wagtail-localize does for a ``TranslatableField`` on the next sync,
    done now for links stored while the field was synchronised. Nothing is undone backwards."""
    app_label, model_name = model_label.split(".")

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        page_model = apps.get_model("wagtailcore", "Page")
        linked = model.objects.exclude(**{field_name: None}).select_related(field_name)
        for page in linked.iterator():
            target = getattr(page, field_name)
            if target.locale_id == page.locale_id:
                continue
            translation = page_model.objects.filter(
                translation_key=target.translation_key, locale_id=page.locale_id
            ).first()
            if translation is not None:
                model.objects.filter(pk=page.pk).update(**{field_name: translation})

    return forwards
