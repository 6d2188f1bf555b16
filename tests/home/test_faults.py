"""The site when Redis or the database stops: it carries on where it can and recovers by itself.

Each test starts its own Redis or PostgreSQL on a spare port and stops it; the shared servers
are never touched.
"""

import copy
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings

from directory.suggestions import SUGGESTIONS_PER_HOUR, within_the_hourly_limit
from home.cache import FailOpenRedisCache
from home.page_cache import forget_page_tree

from .production import free_port, production_environment, wait_for_port

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


class RedisServer:
    """A Redis of the test's own on a spare port, stopped and started again on the same port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def production_caches():
    """``CACHES`` and ``SESSION_ENGINE`` of the production settings, for a Redis at a given URL."""
    printed = subprocess.run(
        [sys.executable, "-c", "import django, json; django.setup(); from django.conf import settings as s; "
         "print(json.dumps([s.CACHES, s.SESSION_ENGINE]))"],
        env=production_environment(REDIS_URL="redis://redis.invalid:6379/0"),
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=True,
    )  # fmt: skip
    caches, session_engine = json.loads(printed.stdout)

    def at(url):
        located = copy.deepcopy(caches)
        for alias in located.values():
            alias["LOCATION"] = url
        return located, session_engine

    return at


def test_production_uses_the_fail_open_cache_with_short_timeouts(production_caches):
    caches, session_engine = production_caches("redis://127.0.0.1:6379/0")
    # The rendered cards stay in each process's memory (no Redis to fail); the rest is Redis.
    assert caches["template_fragments"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    redis_caches = {name: alias for name, alias in caches.items() if name != "template_fragments"}
    assert set(redis_caches) == {"default", "renditions"}
    for alias in redis_caches.values():
        assert alias["BACKEND"] == "home.cache.FailOpenRedisCache"
        assert alias["OPTIONS"]["socket_connect_timeout"] <= 0.5 and alias["OPTIONS"]["socket_timeout"] <= 0.5
    assert session_engine == "django.contrib.sessions.backends.cached_db"  # the database holds them


def test_every_cache_call_shares_one_redis_client(monkeypatch):
    # Django would make a redis-py client (and its table of reply handlers) for every call.
    import redis

    made = []
    original_init = redis.Redis.__init__
    monkeypatch.setattr(
        redis.Redis, "__init__", lambda *args, **kwargs: made.append(1) or original_init(*args, **kwargs)
    )
    cache = FailOpenRedisCache("redis://127.0.0.1:1/0", {})  # nothing listens: no call reaches it
    clients = {id(cache._cache.get_client(write=write)) for write in (False, True, False, True)}
    assert len(clients) == 1 and len(made) == 1


@pytest.mark.django_db
def test_the_site_carries_on_while_redis_is_down_and_uses_it_again_once_back(
    redis_server, production_caches, home_pages, django_user_model
):
    caches, session_engine = production_caches(redis_server.url)
    for alias in caches.values():
        alias["OPTIONS"]["reconnect_after"] = 0.2  # production waits 5 s between tries
    django_user_model.objects.create_superuser("council", "c@wrexham.example", "right-password")
    production_like = override_settings(
        CACHES=caches, SESSION_ENGINE=session_engine, PAGE_CACHE_SECONDS=600, AXES_ENABLED=True
    )
    with production_like:
        reader = Client(enforce_csrf_checks=True)
        reader.get("/cy/")  # the site's settings are made on the first visit
        assert reader.get("/en/")["X-Page-Cache"] == "miss"
        assert reader.get("/en/")["X-Page-Cache"] == "hit"

        redis_server.stop()
        for path in ("/en/", "/cy/"):
            response = reader.get(path)
            assert response.status_code == 200 and response["X-Page-Cache"] == "miss"

        editor = Client(enforce_csrf_checks=True)
        editor.get("/admin/login/")
        signed_in = editor.post(
            "/admin/login/",
            {
                "username": "council",
                "password": "right-password",
                "csrfmiddlewaretoken": editor.cookies[settings.CSRF_COOKIE_NAME].value,
            },
        )
        assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"
        assert editor.get("/admin/").status_code == 200  # the dashboard, from a session in the database

        suggestion = RequestFactory().post("/en/groups/suggest/")
        for _attempt in range(SUGGESTIONS_PER_HOUR + 1):  # throttles count nothing and let requests through
            assert within_the_hourly_limit(suggestion)
        forget_page_tree()

        redis_server.start()  # on the same port; the site is not restarted
        deadline = time.monotonic() + 5
        while reader.get("/en/").get("X-Page-Cache") != "hit":
            assert time.monotonic() < deadline, "the page cache did not come back with Redis"
            time.sleep(0.1)
        assert editor.get("/admin/").status_code == 200


def test_a_hung_redis_costs_one_short_timeout_every_few_seconds_not_one_a_call(production_caches, caplog):
    with socket.socket() as hung:  # takes connections and never answers
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        url = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
        caches, _session_engine = production_caches(url)
        cache = FailOpenRedisCache(url, caches["default"])

        started = time.monotonic()
        assert cache.get("menu", "missing") == "missing"
        first_call = time.monotonic() - started

        started = time.monotonic()
        for _call in range(50):
            assert cache.get("menu") is None
            assert cache.add("menu", "links") is False
            cache.set("menu", "links")
            assert cache.incr("suggestions") == 1
            assert cache.get_many(["menu", "footer"]) == {}
        next_calls = time.monotonic() - started

    assert first_call < 1
    assert next_calls < 0.2
    assert [record.getMessage()[:25] for record in caplog.records] == ["Redis is unavailable (Tim"]


class PostgresServer:
    """A PostgreSQL 15 of the test's own, in a temporary folder, on a spare port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-postgres-"))
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.folder, "postgres")
        self._run(
            "initdb", "-D", self.folder / "data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"
        )

    def _run(self, program, *args, check=True):
        command = [str(POSTGRES_BIN / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=check, capture_output=True)

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "start", "-w", "-D", self.folder / "data", "-l", self.folder / "log", "-o", options
        )

    def stop(self):
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", self.folder / "data")

    def remove(self):
        self._run("pg_ctl", "stop", "-m", "immediate", "-D", self.folder / "data", check=False)
        shutil.rmtree(self.folder)


@pytest.fixture(scope="module")
def outage_site(tmp_path_factory):
    """gunicorn with the production settings on a PostgreSQL of its own, which the test may stop."""
    database = PostgresServer()
    folder = tmp_path_factory.mktemp("outage-site")
    environment = production_environment(
        DATABASE_URL=database.url,
        STATIC_ROOT=str(folder / "static"),
        SECURE_SSL_REDIRECT="0",
        PAGE_CACHE_SECONDS="600",
    )
    port = free_port()
    server = None
    try:
        database.start()
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            subprocess.run(
                [sys.executable, "manage.py", *command, "-v", "0"],
                env=environment,
                cwd=settings.BASE_DIR,
                check=True,
            )
        log = folder / "gunicorn.log"
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            env=environment, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=log.open("w"),
        )  # fmt: skip
        wait_for_port(port)

        def get(path, headers=()):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path, headers={"Host": "together.example", **dict(headers)})
            response = connection.getresponse()
            answer = SimpleNamespace(
                status=response.status, headers=response.headers, body=response.read().decode()
            )
            connection.close()
            return answer

        yield SimpleNamespace(get=get, database=database, log=log.read_text)
    finally:
        if server:
            server.terminate()
            server.wait(10)
        database.remove()


ENGLISH = "The website is temporarily unavailable"
WELSH = "Nid yw'r wefan ar gael dros dro"


def test_while_the_database_is_down_cached_pages_are_served_and_others_answer_503(outage_site):
    site = outage_site
    # The first visit makes the site's settings, which no longer retires the cached pages.
    assert site.get("/en/").headers["X-Page-Cache"] == "miss"
    assert site.get("/en/").headers["X-Page-Cache"] == "hit"

    site.database.stop()
    cached = site.get("/en/")
    assert cached.status == 200 and cached.headers["X-Page-Cache"] == "hit"

    welsh = site.get("/cy/")
    assert welsh.status == 503 and welsh.headers["Retry-After"] == "60"
    assert '<html lang="cy">' in welsh.body and welsh.body.index(WELSH) < welsh.body.index(ENGLISH)
    english = site.get("/en/?from=newsletter")
    assert english.status == 503 and english.headers["Retry-After"] == "60"
    assert english.body.index(ENGLISH) < english.body.index(WELSH)
    # An editor's session is read in middleware, before any view: still the 503, not a 500.
    editor = site.get("/en/", headers={"Cookie": "__Host-sessionid=" + "a" * 32})
    assert editor.status == 503 and ENGLISH in editor.body

    site.database.start()  # gunicorn is not restarted
    assert site.get("/cy/").status == 200
    assert site.get("/en/?from=newsletter").status == 200
    log = site.log()
    assert log.count("ERROR home.outage The database is unavailable (") == 1
    assert "WARNING home.outage The database is available again after" in log
