"""The block a guide's steps are made of.

A guide numbers its steps itself and gives each an anchor (``step-1``, ``step-2``…), so the
block holds only what one step says. See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock as ImageWithAltTextBlock

from home.blocks import PARAGRAPH_FEATURES, ChecklistBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("What to do"),
        max_length=120,
        help_text=_("A short instruction that starts with a verb, for example: Hold a first public meeting"),
    )
    body = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("How to do it"),
        help_text=_("Explain the step in plain words. Use a list for things to bring or check."),
    )
    image = ImageWithAltTextBlock(
        required=False,
        label=_("Picture"),
        help_text=_("Optional. A photo or diagram that helps readers do this step."),
    )
    checklist = ChecklistBlock(
        label=_("Checklist"),
        help_text=_("Optional. Things to have ready or to check for this step, shown as a list to tick."),
    )
    council_contact = blocks.BooleanBlock(
        label=_("Show the council's contact details"),
        required=False,
        help_text=_(
            "Tick when this step tells readers to ask the council: the team's name, e-mail, phone "
            "and address from the portal settings are shown under it."
        ),
    )
    document = DocumentChooserBlock(
        label=_("Document"),
        required=False,
        help_text=_("Optional. A form or template readers need for this step."),
    )

    class Meta:
        icon = "list-ol"
        template = "guides/blocks/step_block.html"
        label = _("Step")
        preview_value = {
            "title": "Hold a first public meeting",
            "body": "<p>Book a free room, put up posters and ask people what the group should do.</p>",
        }
