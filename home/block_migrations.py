"""Data migrations of the shared body blocks, for every app whose pages use ``BodyBlock``.

Each is a Wagtail StreamField block operation, run by ``MigrateStreamData`` over the pages and
their revisions. See https://docs.wagtail.org/en/stable/advanced_topics/streamfield_migrations.html
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
