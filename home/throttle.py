"""A per-address hourly limit for public forms (suggestions, messages to groups).

Counting and deciding are one step (the value ``incr`` returns), so posts arriving at the same
moment cannot all read "four so far" and all get through. The address is the reader's own,
behind the proxy (``home.client_address``).
"""

from django.core.cache import cache

from .client_address import client_address

HOUR = 60 * 60


def throttle_key(request, name):
    return f"{name}:{client_address(request)}"


def within_the_hourly_limit(request, name, limit):
    """Count one more post of kind ``name`` from the reader's address; False once over ``limit``."""
    key = throttle_key(request, name)
    while True:
        if cache.add(key, 1, HOUR):
            return True
        try:
            return cache.incr(key) <= limit
        except ValueError:  # the hour ran out between add and incr: this one starts the next
            continue
