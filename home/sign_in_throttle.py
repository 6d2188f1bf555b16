"""Sign-in throttling: django-axes, with a second and higher limit for one address.

Set as AXES_HANDLER; the methods overridden are axes' handler API (axes.handlers.base).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


class SignInAttemptsHandler(AxesDatabaseHandler):
    """Axes' database handler: AXES_FAILURE_LIMIT for a user name at one address, and
    SIGN_IN_FAILURES_PER_ADDRESS for one address whatever the user names.

    AXES_LOCKOUT_PARAMETERS counts failures for (user name, address), then for the address
    alone. Axes would compare both counts with one limit; a low one would let a colleague's
    typing lock out a council office behind one address, and a high one would let a password
    be guessed. Nobody can lock an editor out for everyone: each lock is tied to an address.
    """

    def get_failures(self, request, credentials=None):
        by_user_name, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.SIGN_IN_FAILURES_PER_ADDRESS:
            return max(by_user_name, get_failure_limit(request, credentials))
        return by_user_name

    def reset_user_attempts(self, request, credentials=None):
        """On signing in, forget that user name's failures, not the address's: else one
        account of an attacker's own would wipe the count of the names they guessed."""
        by_user_name, _by_address = self.filter_user_attempts(request, credentials)
        count, _ = by_user_name.delete()
        return count
