"""The facts about the page tree (home.page_cache.cached) are read from the cache once per
request, however often a page asks for them, and publishing within the request retires them.
A process keeps the facts it has read under a version, so later requests ask the cache for the
version alone, and never serve a fact of a version the cache no longer holds."""

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
    page_cache._process_facts.clear()
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


def test_later_requests_read_only_the_version_from_the_cache(counted_cache_reads):
    computed = []
    for _ in range(3):
        with one_request():
            assert page_cache.cached("navigation:cy", lambda: computed.append(1) or ["Hafan"]) == ["Hafan"]
    assert computed == [1]
    assert counted_cache_reads.call_count == 2 + 1 + 1  # version and fact, then the version alone


def test_a_change_in_another_process_retires_what_this_process_kept(counted_cache_reads):
    with one_request():
        page_cache.cached("navigation:en", lambda: ["Home"])
    cache.incr(page_cache.VERSION_KEY)  # what forget_page_tree does in the process that published
    with one_request():
        assert page_cache.cached("navigation:en", lambda: ["Home", "Events"]) == ["Home", "Events"]


def test_an_emptied_cache_never_brings_back_an_old_version(counted_cache_reads):
    """Redis restarted (or a test cleared the cache): the version starts again from the clock,
    not from a number this process may hold facts under."""
    with one_request():
        page_cache.cached("site-alerts", lambda: ["old alert"])
    cache.clear()
    with one_request():
        assert page_cache.cached("site-alerts", lambda: []) == []


def test_while_the_cache_is_unreachable_the_process_keeps_nothing(counted_cache_reads):
    """Without a shared version (the cache answers "missing" and refuses to store) a fact
    could not be retired by a publish elsewhere, so each request computes it afresh."""
    computed = []
    with (
        mock.patch.object(page_cache.cache, "add", return_value=False),
        mock.patch.object(page_cache.cache, "set"),
    ):
        for _ in range(2):
            with one_request():
                page_cache.cached("restricted-paths", lambda: computed.append(1) or [])
    assert computed == [1, 1]
    assert not page_cache._process_facts


def test_the_facts_every_page_reads_outlast_many_one_off_facts(counted_cache_reads):
    """Each address's route and each choice of filters is a fact of its own: however many
    there are, the process keeps the ones in use and pushes out those used least recently."""
    with one_request():
        page_cache.cached("navigation:en", lambda: ["Home"])
    for number in range(page_cache.PROCESS_FACTS * 2):
        with one_request():
            page_cache.cached("navigation:en", lambda: ["Home"])
            page_cache.cached(f"route:2:en:groups/group-{number}", lambda: "kept start")
    counted_cache_reads.reset_mock()
    with one_request():
        page_cache.cached("navigation:en", lambda: ["Home"])
    assert counted_cache_reads.call_count == 1  # the version alone: the menu was kept
    assert len(page_cache._process_facts) == page_cache.PROCESS_FACTS
