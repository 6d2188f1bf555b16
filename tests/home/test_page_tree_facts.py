"""The facts about the page tree (home.page_cache.cached) are read from the cache once per
request, however often a page asks for them, and publishing within the request retires them."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from home import page_cache


@pytest.fixture
def counted_cache_reads():
    cache.clear()
    with mock.patch.object(page_cache.cache, "get", wraps=cache.get) as get:
        yield get
    cache.clear()


def test_a_request_reads_each_fact_and_the_tree_version_from_the_cache_once(counted_cache_reads):
    computed = []
    request_started.send(sender=None)
    try:
        for _ in range(5):
            assert page_cache.cached("navigation:cy", lambda: computed.append(1) or ["Hafan"]) == ["Hafan"]
            page_cache.tree_key("story-page")
    finally:
        request_finished.send(sender=None)
    assert computed == [1]
    assert counted_cache_reads.call_count == 2  # the tree version, then the fact


def test_publishing_during_the_request_retires_what_it_had_read(counted_cache_reads):
    request_started.send(sender=None)
    try:
        before = page_cache.cached("navigation:en", lambda: ["Home"])
        page_cache.forget_page_tree()
        after = page_cache.cached("navigation:en", lambda: ["Home", "Events"])
        key_after = page_cache.tree_key("navigation:en")
    finally:
        request_finished.send(sender=None)
    assert (before, after) == (["Home"], ["Home", "Events"])
    assert cache.get(key_after) == ["Home", "Events"]


def test_outside_a_request_every_call_reads_the_cache(counted_cache_reads):
    page_cache.cached("site-alerts", lambda: [])
    page_cache.cached("site-alerts", lambda: [])
    assert counted_cache_reads.call_count == 4
