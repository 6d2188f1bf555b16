"""Admin choosers that open where the editor will find what they are choosing.

Wagtail's page chooser opens at the parent of the page already chosen, or else at the highest
page that holds every page of the type it offers, which for a type found in both language
trees is the root of the whole site. ``PageChooserOpeningAt`` opens an empty chooser at a page
the form names instead (a section in the page's own language).
See https://docs.wagtail.org/en/stable/reference/pages/panels.html#pagechooserpanel
"""

from wagtail.admin.widgets import AdminPageChooser


class PageChooserOpeningAt(AdminPageChooser):
    """A page chooser that, while nothing is chosen, opens at ``start_page``."""

    def __init__(self, start_page, **kwargs):
        super().__init__(**kwargs)
        self.start_page_id = start_page.pk if start_page is not None else None

    @classmethod
    def replacing(cls, widget, start_page):
        """A copy of ``widget`` (the chooser a ``PageChooserPanel`` made) opening at ``start_page``."""
        return cls(
            start_page,
            target_models=widget.target_models,
            can_choose_root=widget.can_choose_root,
            user_perms=widget.user_perms,
        )

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        if self.start_page_id is not None:
            options.setdefault("parentId", self.start_page_id)
        return options
