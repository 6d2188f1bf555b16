"""Helpers for tests that run the site as production does, in processes of their own."""

import os
import socket
import time


def production_environment(**environment):
    """The environment of a production server, as the README sets it, plus ``environment``.

    The test run's own ``DATABASE_URL`` and ``REDIS_URL`` are left out: such a test names the
    servers it started itself.
    """
    return {
        **{name: value for name, value in os.environ.items() if name not in ("REDIS_URL", "DATABASE_URL")},
        "SECRET_KEY": "production-like-" + "k" * 50,
        "ALLOWED_HOSTS": "together.example",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        **environment,
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
