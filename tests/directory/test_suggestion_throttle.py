"""The suggestion limit holds when many posts arrive at once, on every cache the site may use."""

import threading
import uuid

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from directory.suggestions import SUGGESTIONS_PER_HOUR, _rate_key, within_the_hourly_limit

LOCAL_MEMORY = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle-test"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}


@pytest.mark.parametrize("backend", [LOCAL_MEMORY, REDIS], ids=["locmem", "redis"])
def test_twenty_suggestions_at_once_from_one_address_let_exactly_five_through(backend):
    # A prefix of this run's own, so that nothing else kept in the shared Redis is touched.
    caches = {"default": {**backend, "KEY_PREFIX": f"throttle-test-{uuid.uuid4().hex}"}}
    request = RequestFactory().post("/en/groups/suggest/", REMOTE_ADDR="203.0.113.7")
    start = threading.Barrier(20)
    accepted = []

    def suggest():
        start.wait()
        if within_the_hourly_limit(request):
            accepted.append(True)

    with override_settings(CACHES=caches):
        threads = [threading.Thread(target=suggest) for _thread in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        cache.delete(_rate_key(request))
    assert len(accepted) == SUGGESTIONS_PER_HOUR
