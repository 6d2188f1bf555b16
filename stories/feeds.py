"""RSS and Atom feeds of the newest stories, one pair per language.

Each story index serves the feeds of its own language (``/en/stories/feed/``,
``/cy/straeon/ffrwd/``), so a Welsh reader's feed holds only Welsh stories.
See https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from home.models import PortalSettings
from home.public_address import public_page_url
from search.models import prefetch_topics

# The feeds' word in each language (home.routes): /en/stories/feed/, /cy/straeon/ffrwd/.
FEED_WORDS = {"en": "feed", "cy": "ffrwd"}


def feed_path(language, atom=False):
    """A feed's address below its story index, in the index's language."""
    return FEED_WORDS.get(language, FEED_WORDS["en"]) + ("/atom/" if atom else "/")


FEED_LENGTH = 20


class StoryFeed(Feed):
    """RSS 2.0. An instance serves one request: it keeps the request for the items' addresses."""

    route = "rss_feed"

    def get_object(self, request, index_page):
        self.request = request
        self.language = index_page.locale.language_code
        return index_page

    def title(self, index_page):
        return f"{index_page.title} – {PortalSettings.for_request(self.request).name}"

    def description(self, index_page):
        return index_page.summary or index_page.introduction or index_page.title

    def link(self, index_page):
        return public_page_url(index_page, self.request)

    def feed_url(self, index_page):
        return self.link(index_page) + feed_path(
            index_page.locale.language_code, atom=self.route == "atom_feed"
        )

    def items(self, index_page):
        return (
            index_page.stories()
            .select_related("author_group")
            .prefetch_related(prefetch_topics())[:FEED_LENGTH]
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.standfirst or story.summary

    def item_link(self, story):
        return public_page_url(story, self.request)

    def item_pubdate(self, story):
        return datetime.combine(story.date, time.min)

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story):
        return story.byline or None

    def item_categories(self, story):
        return [topic.localized_name for topic in story.topics.all()]


class AtomStoryFeed(StoryFeed):
    feed_type = Atom1Feed
    route = "atom_feed"

    def subtitle(self, index_page):
        return self.description(index_page)
