import pytest
from wagtail_localize.models import TranslationSource

pytestmark = pytest.mark.django_db


def test_topics_follow_the_page_into_its_translation(make_group, topics, locales):
    """Translating with wagtail-localize copies the topics, and a later sync updates them."""
    group = make_group("Food Bank", topics=[topics["food"]])
    group.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(group)
    translation, created = source.create_or_update_translation(locales["cy"], publish=True, fallback=True)
    assert created and [topic.name for topic in translation.topics.all()] == ["Food"]

    group.topics.set([topics["volunteering"]])
    group.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(locales["cy"], publish=True, fallback=True)
    translation = group.get_translation(locales["cy"]).specific
    assert [topic.name for topic in translation.topics.all()] == ["Volunteering"]
    assert [topic.localized_name for topic in translation.topics.all()] == ["Volunteering"]  # English reader


def test_each_language_names_the_topic_in_its_own_words(topics):
    from django.utils import translation

    with translation.override("cy"):
        assert str(topics["volunteering"]) == "Gwirfoddoli"
    with translation.override("en"):
        assert str(topics["volunteering"]) == "Volunteering"
