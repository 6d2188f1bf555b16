"""A Redis cache the site can live without.

Redis holds the page cache, cached menus and settings, image renditions, the cached copy of
sessions and the "suggest a group" throttle; everything in it can be rebuilt or read from the
database. So while Redis is unreachable every operation answers as if the key were missing
(pages render uncached, sessions come from the database, throttles let requests through), and
the site uses Redis again by itself once it is back.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outage import OutageReport

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one redis-py client for each connection pool.

    Django makes a new ``redis.Redis`` for every cache operation, and making one fills its
    table of about 170 reply handlers: 0.8 ms a call here, three times the round trip to Redis
    itself (0.26 ms), on every cache read of every request. A client only holds its pool and
    that table, and redis-py's clients may be shared between threads, so one per pool is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering "not cached" while Redis is unreachable, with one redis-py
    client for all its calls (``KeptClientRedisCacheClient``).

    Besides redis-py's connection options (keep ``socket_connect_timeout`` and
    ``socket_timeout`` short), ``OPTIONS`` takes ``reconnect_after``: after a failure, seconds
    during which the cache answers "not cached" without trying Redis, so a hung Redis costs one
    timeout every few seconds rather than one for every cache call of every request.
    See https://docs.djangoproject.com/en/5.2/topics/cache/#redis
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.reconnect_after = options.pop("reconnect_after", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = KeptClientRedisCacheClient
        self._retry_at = 0.0
        self._report = OutageReport(logger, "Redis", "serving without the cache until it is back")

    def _or_miss(self, operation, miss, *args):
        """``operation(*args)``, or ``miss`` (what a missing key would give) if Redis is away."""
        if time.monotonic() < self._retry_at:
            return miss
        try:
            result = operation(*args)
        except UNREACHABLE as error:
            self._retry_at = time.monotonic() + self.reconnect_after
            self._report.failed(error)
            return miss
        self._report.recovered()
        return result

    def get(self, key, default=None, version=None):
        return self._or_miss(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._or_miss(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._or_miss(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(super().set_many, list(data), data, timeout, version)  # the keys not stored

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._or_miss(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._or_miss(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        # Counters start again while Redis is away: after ``add`` has said the key exists
        # (home.page_cache, directory.suggestions), raising here would turn a count into a
        # server error, and a throttle that counts from nothing lets the request through.
        return self._or_miss(super().incr, delta, key, delta, version)

    def clear(self):
        return self._or_miss(super().clear, False)
