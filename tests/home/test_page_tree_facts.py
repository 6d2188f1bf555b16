"""The facts about the page tree (home.page_cache.cached) are read from the cache once per
request, however often a page asks for them, and publishing within the request retires them."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections

from home import page_cache


@pytest.fixture
def counted_cache_reads():
    cache.clear()
    page_cache._request_facts.set(None)
    with mock.patch.object(page_cache.cache, "get", wraps=cache.get) as get:
        yield get
    page_cache._request_facts.set(None)
    cache.clear()


@contextmanager
def one_request():
    """Django's request signals, as the test client sends them, without closing the database
    connection (which close_old_connections, also listening, would do)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        try:
            yield
        finally:
            request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_request_reads_each_fact_and_the_tree_version_from_the_cache_once(counted_cache_reads):
    computed = []
    with one_request():
        for _ in range(5):
            assert page_cache.cached("navigation:cy", lambda: computed.append(1) or ["Hafan"]) == ["Hafan"]
            page_cache.tree_key("story-page")
    assert computed == [1]
    assert counted_cache_reads.call_count == 2  # the tree version, then the fact


def test_publishing_during_the_request_retires_what_it_had_read(counted_cache_reads):
    with one_request():
        before = page_cache.cached("navigation:en", lambda: ["Home"])
        page_cache.forget_page_tree()
        after = page_cache.cached("navigation:en", lambda: ["Home", "Events"])
        key_after = page_cache.tree_key("navigation:en")
    assert (before, after) == (["Home"], ["Home", "Events"])
    assert cache.get(key_after) == ["Home", "Events"]


def test_a_view_that_raises_leaves_nothing_read_for_later(counted_cache_reads):
    """The test client sends no request_finished when a view raises; the facts go all the same."""
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        page_cache.cached("site-alerts", lambda: [])
        got_request_exception.send(sender=None, request=None)
    finally:
        request_started.connect(close_old_connections)
    assert page_cache._request_facts.get() is None


def test_outside_a_request_every_call_reads_the_cache(counted_cache_reads):
    page_cache.cached("site-alerts", lambda: [])
    page_cache.cached("site-alerts", lambda: [])
    assert counted_cache_reads.call_count == 4
