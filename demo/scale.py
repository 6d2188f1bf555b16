"""Generated content for benchmarks (``load_demo_content --scale N``).

Pages are created live without revisions, which is fast and enough for measuring reads; each
English page gets a Welsh twin with the same translation key. Safe to run again: numbered
slugs that exist are skipped. Each content app says how many of its pages a scale makes and
what goes into them.
"""

import random

from django.utils import timezone

from search.models import Topic


def generate_translated_pages(english_index, welsh_index, page_class, count, describe, label, log):
    """Add ``count`` live pages under each index. ``describe(number, rng, topics)`` returns
    ``(shared fields, English fields, Welsh fields, topics)``; slugs are made here."""
    rng = random.Random(2026)
    all_topics = list(Topic.objects.all())
    existing = set(
        english_index.get_children().filter(slug__startswith="generated-").values_list("slug", flat=True)
    )
    for number in range(count):
        shared, english_fields, welsh_fields, topics = describe(number, rng, rng.sample(all_topics, 2))
        slug = f"generated-{number:05d}"
        if slug in existing:
            continue
        shared = {"live": True, "last_published_at": timezone.now(), **shared}
        english = page_class(slug=slug, **english_fields, **shared)
        english.topics.set(topics)
        english_index.add_child(instance=english)
        welsh = page_class(
            slug=f"enghraifft-{number:05d}",
            locale=welsh_index.locale,
            translation_key=english.translation_key,
            **welsh_fields,
            **shared,
        )
        welsh.topics.set(topics)
        welsh_index.add_child(instance=welsh)
        if (number + 1) % 250 == 0 or number + 1 == count:
            log(f"Generated {label}: {number + 1}/{count}")
