"""The reader's own address, for everything that throttles by address (sign-in, suggestions).

Behind a TLS proxy every request arrives from the proxy, so REMOTE_ADDR would put all readers
behind one address. Each proxy appends the address it saw to X-Forwarded-For; everything to the
left of what our own proxies added was written by the reader and may be forged.
"""

from ipaddress import ip_address

from django.conf import settings


def client_address(request):
    """The address the outermost trusted proxy saw; REMOTE_ADDR with none (``TRUSTED_PROXY_COUNT``).

    With N trusted proxies it is the Nth address from the right of X-Forwarded-For. A header
    too short to hold it, or holding something else than an IP address there, falls back to
    REMOTE_ADDR (None when the server does not know it).
    """
    remote_address = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_address
    forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded_for) < proxies:
        return remote_address
    try:
        return str(ip_address(forwarded_for[-proxies].strip()))
    except ValueError:
        return remote_address
