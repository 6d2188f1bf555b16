"""What the site does while a service it depends on is down.

Redis down: see ``home.cache``. The log says so once, then at most once a minute while it
lasts, and once more when the service is back, so an outage does not bury everything else in
the log.
"""

import logging
import time


class OutageReport:
    """Log lines about one service's outage: when it starts, once a minute while it lasts, its end.

    Kept per process; two threads failing at the same moment may each write the first line.
    """

    def __init__(self, logger, service, consequence, level=logging.WARNING, every_seconds=60):
        self.logger = logger
        self.service = service
        self.consequence = consequence
        self.level = level
        self.every_seconds = every_seconds
        self.down_since = None
        self._reported_at = 0.0
        self._failures = 0

    def failed(self, error):
        now = time.monotonic()
        error = " ".join(str(error).split())  # one log line, even for PostgreSQL's two-line errors
        if self.down_since is None:
            self.down_since = self._reported_at = now
            self._failures = 0
            self.logger.log(self.level, "%s is unavailable (%s): %s", self.service, error, self.consequence)
            return
        self._failures += 1
        if now - self._reported_at >= self.every_seconds:
            self.logger.log(
                self.level,
                "%s still unavailable after %d s, %d failures since the last report (%s)",
                self.service,
                now - self.down_since,
                self._failures,
                error,
            )
            self._reported_at = now
            self._failures = 0

    def recovered(self):
        if self.down_since is not None:
            self.logger.warning(
                "%s is available again after %d s", self.service, time.monotonic() - self.down_since
            )
            self.down_since = None
