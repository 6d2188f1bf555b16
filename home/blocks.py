"""The one set of StreamField blocks every page body is built from.

Following bakerydemo's ``base/blocks.py``: each block names its icon, template and a preview
value so editors see what they are choosing. There is deliberately no raw-HTML block.
See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), help_text=_("A short heading for the section below it."))
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Main section (level 2)")), ("h3", _("Sub-section (level 3)"))],
        default="h2",
        help_text=_("Use level 2 for a main section and level 3 inside it."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Who we are", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    """A picture in a page body: Wagtail's own ``ImageBlock`` (alt text, or "decorative"), and a
    caption beside it.

    Wagtail's ``ImageBlock`` holds no caption, and the body shows one under the picture, so the
    caption sits next to it in a plain ``StructBlock`` rather than in a subclass: a subclass
    would have to override the private methods that turn the block's value into an image
    (``_struct_value_to_image`` and its partners), which change between Wagtail releases.
    Stored as ``{"image": {"image": id, "decorative": bool, "alt_text": str}, "caption": str}``.
    See https://docs.wagtail.org/en/stable/reference/streamfield/blocks.html#wagtail.images.blocks.ImageBlock
    """

    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Describe what the picture shows for people who cannot see it, "
            "or mark it as decorative if it adds nothing to the words."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        help_text=_("Optional. Shown under the picture, for example who is in it or where it was taken."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, help_text=_("For example: Mair, volunteer at the café")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        preview_value = {
            "quote": "We kept the library open, and made a lot of friends doing it.",
            "attribution": "A Gresford volunteer",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_url = blocks.URLBlock(
        label=_("Or link to a web address"),
        required=False,
        help_text=_("Used only when no page is chosen."),
    )
    link_text = blocks.CharBlock(
        label=_("Button text"), help_text=_("For example: Find out how to volunteer")
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        preview_value = {
            "heading": "Get involved",
            "text": "Groups across the county are looking for volunteers.",
            "link_url": "https://example.org/",
            "link_text": "Find a group",
        }


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Figure"),
        max_length=20,
        help_text=_("The number, short and bold. For example: 12,000 or £5,000"),
    )
    label = blocks.CharBlock(
        label=_("What it counts"), max_length=80, help_text=_("For example: books lent last year")
    )

    class Meta:
        icon = "order"
        label = _("Fact")


class KeyFactsBlock(blocks.StructBlock):
    """A few headline numbers, shown large, such as a story's results."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, help_text=_("Optional. For example: The library in numbers")
    )
    facts = blocks.ListBlock(
        KeyFactBlock(),
        label=_("Facts"),
        min_num=1,
        max_num=6,
        help_text=_(
            "Between one and six figures. Each reads as a sentence: the figure, then what it counts."
        ),
    )

    class Meta:
        icon = "table"
        template = "blocks/key_facts_block.html"
        label = _("Key facts and figures")
        preview_value = {
            "heading": "The library in numbers",
            "facts": [
                {"figure": "40", "label": "volunteers"},
                {"figure": "12,000", "label": "books lent last year"},
                {"figure": "5", "label": "days a week open"},
            ],
        }


class CouncilContactBlock(blocks.StaticBlock):
    """The council team's contact details, from the portal settings ("Council contact in
    guides"), in the reader's language: put it wherever the text says "ask the council", so
    the reader knows whom to ask and how. Editors choose it; it has nothing to fill in.
    See https://docs.wagtail.org/en/stable/reference/streamfield/blocks.html#wagtail.blocks.StaticBlock
    """

    class Meta:
        icon = "mail"
        template = "blocks/council_contact_block.html"
        label = _("Council contact")
        admin_text = _("Shows the council team's name, e-mail, phone and address from the portal settings.")


class ChecklistBlock(blocks.StructBlock):
    """A list of things to have ready or to check, shown with a box beside each, which readers
    can print: a checklist as part of the page rather than a separate file to download."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        default="",  # a step saved before checklists existed has none: "" is what translation reads
        help_text=_("Optional. For example: What the council will ask for"),
    )
    entries = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=200),
        label=_("Items"),
        min_num=0,
        help_text=_("One thing to have ready or to check on each line."),
    )

    class Meta:
        icon = "tasks"
        template = "blocks/checklist_block.html"
        label = _("Checklist")
        preview_value = {
            "heading": "Before you apply",
            "entries": ["A constitution", "Evidence of community support", "A three-year budget"],
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Residents took over the village library in 2019.</p>",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Video or other media"),
        help_text=_("Paste the address of a YouTube or Vimeo video."),
        icon="media",
        template="blocks/embed_block.html",
    )
    key_facts = KeyFactsBlock()
    checklist = ChecklistBlock()
    council_contact = CouncilContactBlock()
