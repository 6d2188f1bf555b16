"""Settings shared by every environment.

Everything that differs between a laptop and a council's servers is read from the environment
(see README, "Configuration"), so the same code runs everywhere.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "bilingual",
    "home",
    "directory",
    "events",
    "volunteering",
    "reports",
    "guides",
    "stories",
    "search",
    "places",
    "openreferral",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bilingual.middleware.RememberLanguageMiddleware",  # for pages from the cache too
    "home.compression.GZipPublicPagesMiddleware",  # above sessions and CSRF: sees their cookies
    "home.outage.DatabaseOutageMiddleware",  # around everything that may touch the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A cached page is served from here, compressed, before the rest runs (home.page_cache).
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.refusals.RefusalsSayWhyMiddleware",  # the admin's refusals, in the editor's words
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "home.routing.KeptRoutesMiddleware",  # after the page cache: only pages it renders are routed
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database (PostgreSQL in
# production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    # The site carries on without Redis: while it is unreachable the cache answers "not cached"
    # (home/cache.py). Short timeouts, and a few seconds between tries, keep a hung Redis from
    # holding up every request.
    CACHES = {
        "default": {
            "BACKEND": "home.cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "reconnect_after": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered cards ({% kept_card %}: Django's {% cache %} in the listings' templates) are kept by
# each process in its own memory, not in Redis: a listing shows twenty and a round trip each
# would cost more than rendering them. Their keys hold the page-tree version, which Redis
# shares, so every process retires them together when a page is published.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "rendered-cards",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # throttles failed sign-ins (django-axes)
    "django.contrib.auth.backends.ModelBackend",
]
# How many proxies in front of the site append the address they saw to X-Forwarded-For (1 for
# the TLS proxy); 0 trusts no proxy and never reads the header. Sign-in throttling and the
# suggestion limit see the reader's own address through it (home/client_address.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Five failed sign-ins for one user name from one address lock that name, from that address
# only, for 15 minutes, not forever; twenty from one address, whatever the names, lock the
# address (home/sign_in_throttle.py reads the lockout parameters in this order).
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_address"
AXES_HANDLER = "home.sign_in_throttle.SignInAttemptsHandler"
AXES_FAILURE_LIMIT = 5
SIGN_IN_FAILURES_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Welsh, for the interface and for content alike.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("en", "English"),
    ("cy", "Cymraeg"),
]
WAGTAIL_I18N_ENABLED = True
# The project's own strings, then its Welsh for Wagtail's and wagtail-localize's admin strings
# (locale_admin/): both override the apps' own catalogues, and the first wins where both have one.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

# Translations go through moderation like any other edit.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Together in Wrexham")
# The one address every absolute URL the site writes starts with (sitemaps, feeds, calendars,
# JSON-LD, the Open Referral API, e-mails): "https://together.wrexham.gov.uk". Empty: the default
# Site's host and port, as Settings > Sites has them (home/public_address.py).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL or "http://127.0.0.1:8000")
# Wagtail's database backend; on SQLite with one-pass relevance ranking (see search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "together@wrexham.example")
# Messages to groups are deleted this many days after their last change (delete_old_messages).
MESSAGE_RETENTION_DAYS = int(os.environ.get("MESSAGE_RETENTION_DAYS", "180"))
# Problem reports about listings are deleted this many days after their last change
# (delete_old_reports).
REPORT_RETENTION_DAYS = int(os.environ.get("REPORT_RETENTION_DAYS", "180"))
# Requests to look after a listing are deleted this many days after their last change
# (delete_old_claims).
CLAIM_RETENTION_DAYS = int(os.environ.get("CLAIM_RETENTION_DAYS", "180"))
# Who suggested a group (GroupSuggestion) is deleted this many days after the suggestion
# (delete_old_suggestions); the listing itself stays.
SUGGESTION_RETENTION_DAYS = int(os.environ.get("SUGGESTION_RETENTION_DAYS", "180"))
# Offers of help leave the public list this many days after they were made.
OFFER_EXPIRY_DAYS = int(os.environ.get("OFFER_EXPIRY_DAYS", "90"))
# Reviews of group listings (directory/reviews.py), in days. A listing is due for review
# REVIEW_INTERVAL_DAYS after its "last reviewed" date: its editors are reminded that day and
# again REVIEW_SECOND_REMINDER_DAYS later; REVIEW_FLAG_DAYS after the due date it is listed to
# council editors (dashboard and weekly digest); REVIEW_STALE_DAYS after it, readers see "not
# checked recently" and it sinks below checked listings; REVIEW_UNPUBLISH_DAYS after it, it is
# unpublished (never deleted). The "still correct" link in a reminder works for
# REVIEW_LINK_MAX_AGE_DAYS.
REVIEW_INTERVAL_DAYS = int(os.environ.get("REVIEW_INTERVAL_DAYS", "365"))
REVIEW_SECOND_REMINDER_DAYS = int(os.environ.get("REVIEW_SECOND_REMINDER_DAYS", "14"))
REVIEW_FLAG_DAYS = int(os.environ.get("REVIEW_FLAG_DAYS", "28"))
REVIEW_STALE_DAYS = int(os.environ.get("REVIEW_STALE_DAYS", "183"))
REVIEW_UNPUBLISH_DAYS = int(os.environ.get("REVIEW_UNPUBLISH_DAYS", "365"))
REVIEW_LINK_MAX_AGE_DAYS = int(os.environ.get("REVIEW_LINK_MAX_AGE_DAYS", "30"))


def email_server(url):
    """EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS and
    EMAIL_USE_SSL from one address: smtp+tls://user:password@host:587 (STARTTLS), smtps://…:465
    (TLS from the start) or smtp://host:25 (neither, so no password: a relay on the same
    machine). A user name or password holding @ : / must be percent-encoded (%40 %3A %2F)."""
    parts = urlsplit(url)
    ports = {"smtp": 25, "smtp+tls": 587, "smtps": 465}
    if parts.scheme not in ports or not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp+tls://user:password@host:587 (or smtps://, smtp://)."
        )
    if parts.scheme == "smtp" and parts.password:
        raise ImproperlyConfigured(
            "EMAIL_URL: smtp:// would send the password unencrypted; use smtp+tls:// or smtps://."
        )
    return (
        parts.hostname,
        parts.port or ports[parts.scheme],
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        parts.scheme == "smtp+tls",
        parts.scheme == "smtps",
    )


# The mail server for the site's e-mails: EMAIL_URL, or each part on its own. Development prints
# e-mails to the console instead (dev.py). A server that does not answer within EMAIL_TIMEOUT
# seconds fails the sending (suggestion confirmations are then retried by
# send_pending_confirmations) rather than keep the reader waiting.
if os.environ.get("EMAIL_URL"):
    EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL = email_server(
        os.environ["EMAIL_URL"]
    )
else:
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # plain ASCII web addresses, easy to read out and type
# No avatars from gravatar.com: it would be sent a hash of each editor's e-mail address. Editors
# may still upload a picture under Account; the others get Wagtail's default avatar.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-gravatar-provider-url
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Documents always download (never open inline in the site's origin), through Wagtail's view.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

# The maps' tiles (places/map.html): OpenStreetMap's standard tiles by default, with the
# attribution their licence asks for. A council with its own tile server sets all three; the
# Content-Security-Policy below allows images from that host and no other.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
MAP_TILE_ATTRIBUTION_URL = os.environ.get(
    "MAP_TILE_ATTRIBUTION_URL", "https://www.openstreetmap.org/copyright"
)


def tile_origin(url):
    """The CSP source for a tile URL template: "https://{s}.tile.example/{z}/..." -> "https://*.tile.example"."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


# Content-Security-Policy for the public site: no inline or third-party script at all. The
# Wagtail admin, which needs inline script, is excluded and protected by signing in.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", tile_origin(MAP_TILE_URL)],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Where a postcode is: by default the table ``manage.py import_postcodes`` fills from the ONS
# Postcode Directory. A council with its own address gazetteer names a function here that takes
# a postcode ("LL12 0AB" or "LL12") and returns (latitude, longitude) or None.
PLACES_POSTCODE_LOOKUP = os.environ.get("PLACES_POSTCODE_LOOKUP", "places.postcodes.lookup_in_table")

SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # the admin previews pages in a frame of the same site

# Anonymous readers get whole pages from the cache until a page is published, unpublished,
# moved or deleted (home.page_cache.AnonymousPageCacheMiddleware).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# Errors and warnings to stderr, one line each (a traceback follows on the lines after), where
# gunicorn and journald keep them. Django's own logs only errors: its warnings are every 404.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},  # the site's apps and the libraries
    "loggers": {"django": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}
