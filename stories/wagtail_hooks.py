"""Stories on other apps' pages: a group's own stories, and the home page's featured story.

See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .models import featured_story, stories_about

STORY_SECTION = "stories/includes/group_stories.html"


@hooks.register("directory_group_related")
def group_stories(group, request):
    return {"heading": _("Success stories"), "template": STORY_SECTION, "items": stories_about(group)}


@hooks.register("home_page_sections")
def home_page_featured_story(home_page, request):
    story = featured_story(home_page.locale_id)
    if story is None:
        return None
    return {"heading": _("Featured story"), "template": STORY_SECTION, "items": [story], "order": 10}
