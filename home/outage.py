"""What the site does while a service it depends on is down.

The database down: readers get a bilingual "temporarily unavailable" page (503, with
``Retry-After``) instead of a server error, pages already in the page cache are still served
(``home.page_cache.AnonymousPageCacheMiddleware`` answers them before anything touches the
database), and the site is back by itself as soon as the database is, because Django opens a
new connection for the next request. Redis down: see ``home.cache``.

Either way the log says so once, then at most once a minute while it lasts, and once more when
the service is back, so an outage does not bury everything else in the log.
"""

import logging
import sys
import time

from django.core.signals import got_request_exception
from django.db.backends.signals import connection_created
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


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


database_report = OutageReport(
    logger, "The database", "uncached pages answer 503 until it is back", level=logging.ERROR
)


def unavailable_response(request, error):
    """The "temporarily unavailable" page, in the language of the address first, then the other.

    A plain template and context: no context processor, nothing that needs the database.
    """
    database_report.failed(error)
    first = "cy" if get_language_from_path(request.path_info) == "cy" else "en"
    languages = [first, "en" if first == "cy" else "cy"]
    response = HttpResponse(render_to_string("503.html", {"languages": languages}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Answer 503 and a bilingual page instead of a server error while the database is down.

    Errors in a view or its template reach ``process_exception``. Django turns errors raised in
    other middleware (signing in an editor from the session, saving a session) into a 500
    before they get here, so those are noted on the request as they happen
    (``got_request_exception``) and the 500 is swapped for the 503 on the way out; hence this
    middleware sits near the top of ``MIDDLEWARE``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "database_error", None)
        if error is not None:
            return unavailable_response(request, error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return unavailable_response(request, exception)
        return None


def note_database_error(sender, request=None, **kwargs):
    """Mark the request whose 500 came from the database being down (sent inside ``except``)."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_DOWN):
        request.database_error = error


def note_database_back(sender, connection, **kwargs):
    database_report.recovered()


got_request_exception.connect(note_database_error, dispatch_uid="home.outage.note_database_error")
connection_created.connect(note_database_back, dispatch_uid="home.outage.note_database_back")
