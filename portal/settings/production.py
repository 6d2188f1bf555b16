"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", False)
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Each worker keeps its database connection between requests: a new PostgreSQL connection for
# every request cost 5 to 15 ms of each page (docs/benchmarks.md). Django checks a kept
# connection before a request uses it, so one broken by a database restart is replaced (the
# outage test in tests/home/test_faults.py stops and starts the database under gunicorn).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Uploads in S3-compatible object storage, shared by every application server. boto3 reads
    # AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself. Documents still go through Wagtail's
    # serve view (WAGTAILDOCS_SERVE_METHOD), so privacy rules and attachment downloads hold.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,  # the bucket's own policy decides
            "file_overwrite": False,  # an upload never replaces another with the same name
            "querystring_auth": False,  # images are public; documents are served by Django
        },
    }

if os.environ.get("REDIS_URL"):
    # Sessions and image renditions shared by every application server. Sessions are kept in
    # the database with a copy in Redis, so signing in still works while Redis is down; the
    # renditions cache inherits the fail-open backend and its timeouts from "default".
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "renditions"}  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# "__Host-" cookies are only sent over HTTPS, to this exact host, for the whole site.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Wagtail's live preview shows the page in a frame of the admin (same site), so frames stay
# allowed from this origin (X_FRAME_OPTIONS = SAMEORIGIN, CSP frame-ancestors 'self').
SILENCED_SYSTEM_CHECKS = ["security.W019"]
