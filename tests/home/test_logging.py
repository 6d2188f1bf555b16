"""Server errors leave a trace: a log line with the path, then the traceback, on stderr."""

import json
import re
import subprocess
import sys

from django.conf import settings

from .production import production_environment

# A production process whose page view fails before it reads the database, asked for an
# English and a Welsh page (the static files collected first, as the README's deploy does).
FAILING_PAGE = """
import json

import django

django.setup()
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

call_command("collectstatic", interactive=False, verbosity=0)


def fail(request):
    raise RuntimeError("the failure under test")


Site.find_for_request = staticmethod(fail)
client = Client(raise_request_exception=False, HTTP_HOST="together.example")
answers = [client.get(path) for path in ("/en/broken/", "/cy/wedi-torri/")]
print(json.dumps([[answer.status_code, answer.content.decode()] for answer in answers]))
"""


def test_a_server_error_is_logged_with_path_and_traceback_and_answered_with_the_500_page(tmp_path):
    environment = production_environment(
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        SECURE_SSL_REDIRECT="0",
    )
    result = subprocess.run(
        [sys.executable, "-c", FAILING_PAGE],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    (english_status, english), (welsh_status, welsh) = json.loads(result.stdout)

    assert english_status == welsh_status == 500
    assert '<html lang="en">' in english and "Something went wrong" in english
    assert '<html lang="cy">' in welsh and "Aeth rhywbeth o'i le" in welsh
    for path in ("/en/broken/", "/cy/wedi-torri/"):
        line = (
            rf"^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d,\d{{3}} ERROR django\.request Internal Server Error: {path}$"
        )
        assert re.search(line, result.stderr, re.MULTILINE), result.stderr
    assert result.stderr.count("Traceback (most recent call last)") == 2
    assert result.stderr.count("RuntimeError: the failure under test") == 2
