"""The site behind nginx as an operator sets it up: deploy/nginx/portal.conf in front of gunicorn.

Debian's nginx (`make nginx`) runs the shipped site configuration, unchanged but for what
differs in a test (`site_configuration`): spare ports on 127.0.0.1, a self-signed certificate
made here, the temporary static and media folders and gunicorn's socket. Requests go to its
TLS listener, so `X-Forwarded-Proto $scheme` is what tells the site they came over HTTPS.
Gunicorn runs with the production settings, TRUSTED_PROXY_COUNT=1 as in deploy/env.example,
on a SQLite database set up as tools/deploy-check sets one up.
"""

import http.client
import os
import pwd
import re
import shutil
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.conf import settings

from tests.deploy.deploy_check import DEPLOY_CHECK
from tests.home.production import free_port, production_environment, wait_for_port

ROOT = Path(settings.BASE_DIR)
SHIPPED = ROOT / "deploy" / "nginx" / "portal.conf"
HOST = "together.wrexham.gov.uk"  # the shipped server_name
FORGED = "203.0.113.9"  # what a reader writes in X-Forwarded-For; never to be believed
# The image and document uploads of tools/deploy-check: prints a rendition's URL, the
# document's own URL and its file's /media/ path.
MAKE_UPLOADS = DEPLOY_CHECK["MAKE_UPLOADS"]
MAKE_EDITOR = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("council", "council@wrexham.example", "right-password")
"""
SHOW_SIGN_IN_ADDRESSES = """
import django
django.setup()
from axes.models import AccessAttempt
print(sorted(set(AccessAttempt.objects.values_list("ip_address", flat=True))))
"""


def site_configuration(shipped, *, http_port, https_port, certificate, key, static, media, socket):
    """The shipped site with the test's ports, certificate, folders and socket.

    Every line replaced must be in the shipped file as written, so that the test runs what an
    operator copies; the IPv6 listeners go, as a test machine may have no IPv6.
    """
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        f"/etc/ssl/certs/{HOST}.pem": str(certificate),
        f"/etc/ssl/private/{HOST}.key": str(key),
        "/srv/portal/static/": f"{static}/",
        "/srv/portal/media/": f"{media}/",
        "unix:/run/portal/gunicorn.sock": f"unix:{socket}",
    }
    for shipped_text, test_text in replacements.items():
        assert shipped_text in shipped, f"{SHIPPED.name} no longer has {shipped_text!r}"
        shipped = shipped.replace(shipped_text, test_text)
    return shipped


def nginx_configuration(folder, site):
    """A main nginx.conf around the site, keeping every file nginx writes inside ``folder``."""
    return f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
user {pwd.getpwuid(os.geteuid()).pw_name};  # read the test's own folders (ignored unless root)
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
}}
"""


def manage(environment, *arguments):
    subprocess.run(
        [sys.executable, "manage.py", *arguments], env=environment, cwd=ROOT, check=True, capture_output=True
    )


def python(environment, code):
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def wait_for_socket(path, server, seconds=30):
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.05)


def stop(process):
    if process and process.poll() is None:
        process.terminate()
        process.wait(20)


@pytest.fixture(scope="module")
def proxied_site(tmp_path_factory):
    """nginx with the shipped site on spare ports, in front of gunicorn with production settings."""
    folder = tmp_path_factory.mktemp("nginx")
    static, media, socket = folder / "static", folder / "media", folder / "gunicorn.sock"
    environment = production_environment(
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"sqlite:///{folder}/portal.sqlite3",
        STATIC_ROOT=str(static),
        MEDIA_ROOT=str(media),
        TRUSTED_PROXY_COUNT="1",
        PAGE_CACHE_SECONDS="0",
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "collectstatic", "--no-input")
    uploads = python(environment, MAKE_UPLOADS + MAKE_EDITOR)
    rendition, document, document_file = uploads.split()

    certificate, key = folder / "certificate.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
         "-keyout", key, "-out", certificate],
        check=True, capture_output=True,
    )  # fmt: skip
    http_port, https_port = free_port(), free_port()
    site = folder / "portal.conf"
    site.write_text(
        site_configuration(
            SHIPPED.read_text(), http_port=http_port, https_port=https_port, certificate=certificate,
            key=key, static=static, media=media, socket=socket,
        )
    )  # fmt: skip
    main = folder / "nginx.conf"
    main.write_text(nginx_configuration(folder, site))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"  # sbin is not on a user's PATH

    gunicorn = proxy = None
    try:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"unix:{socket}", "--workers", "1"],
            env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(folder / "gunicorn.log").open("w"),
        )  # fmt: skip
        proxy = subprocess.Popen(
            [nginx, "-p", str(folder), "-c", str(main), "-e", str(folder / "nginx-error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_socket(socket, gunicorn)
        try:
            wait_for_port(https_port, seconds=10)
        except OSError:
            pytest.fail("nginx did not start:\n" + (folder / "nginx-error.log").read_text())
        trusted = ssl.create_default_context(cafile=str(certificate))

        def request(method, path, headers=(), body=None, port=https_port):
            if port == https_port:
                connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=trusted)
            else:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request(method, path, body=body, headers={"Host": HOST, **dict(headers)})
                response = connection.getresponse()
                return SimpleNamespace(status=response.status, headers=response.headers, body=response.read())
            finally:
                connection.close()

        yield SimpleNamespace(
            request=request,
            http_port=http_port,
            https_port=https_port,
            rendition=rendition,
            document=document,
            document_file=document_file,
            sign_in_addresses=lambda: python(environment, SHOW_SIGN_IN_ADDRESSES),
        )
    finally:
        stop(proxy)
        stop(gunicorn)


def test_both_languages_are_served_over_https_and_plain_http_redirects(proxied_site):
    for language in ("en", "cy"):
        page = proxied_site.request("GET", f"/{language}/")
        # 200, not the redirect to HTTPS: X-Forwarded-Proto told the site the request was secure.
        assert page.status == 200
        assert f'<html lang="{language}"'.encode() in page.body
        assert "max-age=31536000" in page.headers["Strict-Transport-Security"]

    plain = proxied_site.request("GET", "/cy/?q=grwp", port=proxied_site.http_port)
    assert plain.status == 301
    assert plain.headers["Location"] == f"https://{HOST}/cy/?q=grwp"


def test_static_files_and_image_renditions_come_from_nginx_with_a_year_of_cache(proxied_site):
    home = proxied_site.request("GET", "/en/").body.decode()
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home).group(1)  # a hashed name
    for path, content_type in ((stylesheet, "text/css"), (proxied_site.rendition, "image/png")):
        response = proxied_site.request("GET", path)
        assert response.status == 200, path
        assert response.headers["Content-Type"] == content_type
        # Served by nginx itself (its `expires 1y` sets Expires; neither WhiteNoise nor the
        # site's image view does), for a year, never revalidated.
        assert response.headers["Expires"]
        cache_control = ", ".join(response.headers.get_all("Cache-Control"))
        assert "max-age=31536000" in cache_control and "public, immutable" in cache_control


def test_documents_are_served_only_through_the_application(proxied_site):
    document = proxied_site.request("GET", proxied_site.document)
    assert document.status == 200
    assert document.headers["Content-Type"] == "application/pdf"
    assert document.headers["Content-Disposition"].startswith("attachment")

    file_name = proxied_site.document_file.removeprefix("/media/documents/")
    for path in (
        proxied_site.document_file,
        f"/media/images/../documents/{file_name}",
        f"/media/images/%2e%2e/documents/{file_name}",
        f"/media/original_images/..%2fdocuments/{file_name}",
    ):
        response = proxied_site.request("GET", path)
        assert (response.status, response.body.startswith(b"%PDF")) == (404, False), path


def test_uploads_up_to_twenty_megabytes_reach_the_site_and_larger_ones_are_refused(proxied_site):
    upload = proxied_site.request("POST", "/admin/images/multiple/add/", body=b"x" * (19 * 1024 * 1024))
    assert upload.status == 403  # the site's answer: no CSRF token (nginx's default limit is 1 MB)
    too_large = proxied_site.request(
        "POST", "/admin/images/multiple/add/", headers={"Content-Length": str(21 * 1024 * 1024)}
    )
    assert too_large.status == 413  # nginx's answer, before reading the body


def test_the_site_sees_the_address_nginx_saw_and_throttles_sign_in_on_it(proxied_site):
    sign_in = proxied_site.request("GET", "/admin/login/")
    csrf_cookie = SimpleCookie(sign_in.headers["Set-Cookie"])["__Host-csrftoken"].value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', sign_in.body).group(1).decode()

    def sign_in_as(password, forwarded_for):
        return proxied_site.request(
            "POST",
            "/admin/login/",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"__Host-csrftoken={csrf_cookie}",
                "Referer": f"https://{HOST}/admin/login/",
                "X-Forwarded-For": forwarded_for,
            },
            body=urlencode({"username": "council", "password": password, "csrfmiddlewaretoken": token}),
        ).status

    # Each failure claims to come from a new address; nginx appends the one it saw.
    failures = [sign_in_as("wrong", f"203.0.113.{attempt}") for attempt in range(1, 6)]
    assert failures == [200, 200, 200, 200, 429]
    # Still locked with the right password from yet another forged address: the site counts
    # the address nginx saw (127.0.0.1), not what the reader wrote.
    assert sign_in_as("right-password", FORGED) == 429
    assert proxied_site.sign_in_addresses() == "['127.0.0.1']"
