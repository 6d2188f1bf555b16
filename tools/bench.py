"""The portal's benchmark: `make bench`, and `make bench-search`.

At each size in BENCH_SCALES (default "0 3000": the demo content alone, then the demo content
plus 3,000 generated groups in each language with events, stories and guides, about 10,000
live pages), in a database of its own that is built once and kept (/tmp/portal-bench-N.sqlite3;
BENCH_REBUILD=1 builds it again), serves the site with gunicorn and production settings and
measures each page kind: SQL queries (Django test client), the service time at one connection
(p50, p95 of BENCH_REQUESTS=15 requests sent one after another) and the requests per second at BENCH_CONNECTIONS (8) connections, uncached
and with the anonymous page cache, beside a static file from the same server. Prints a table
per size with the ratio to bakerydemo's figures from issue 18 (same machine kind, 2 gunicorn
workers, wrk -c8) and writes docs/benchmarks.md. BENCH_SECONDS (2) per measurement keeps a
run to a few minutes; BENCH_LOAD_SECONDS=60 adds the mixed load test and the in-process search
latency of the earlier benchmark.

`tools/bench.py search N…` (make bench-search) builds a site at each scale N in turn and
measures search latency alone, for the table of search speed by site size.

Not a test: it measures, it does not assert (the suite asserts the query budgets).
"""

import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCALE = int(os.environ.get("SCALE", "3000"))  # `make bench-search` and BENCH_SEARCH_RESULT only
SCALES = [int(scale) for scale in os.environ.get("BENCH_SCALES", "0 3000").split()]
PORT = int(os.environ.get("BENCH_PORT", "8123"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "15"))  # one at a time, for p50 and p95
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "0"))


def bench_database_url(scale):
    """BENCH_DATABASE_URL; else a database of the benchmark's own on DATABASE_URL's PostgreSQL
    server (its name + ``_bench_SCALE``, never DATABASE_URL's own); else SQLite in /tmp."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    server = urlsplit(os.environ.get("DATABASE_URL", ""))
    if server.scheme in ("postgres", "postgresql"):
        return urlunsplit(server._replace(path=f"{server.path.rstrip('/') or '/portal'}_bench_{scale}"))
    return f"sqlite:////tmp/portal-bench-{scale}.sqlite3"


DATABASE = bench_database_url(SCALE)
# Wagtail's bakerydemo, uncached req/s at 8 connections with 2 gunicorn workers, measured beside
# the portal in the run that issue 18 reports; the bar is three times these.
BAKERYDEMO_RPS = {
    "Home (en)": ("home", 28), "Home (cy)": ("home", 28), "Directory (en)": ("bread index", 36),
    "Directory (cy), Welsh A–Z page 3": ("bread index", 36), "Group page (en)": ("a bread", 73),
    "Group page (cy)": ("a bread", 73), "Events (en)": ("locations", 47), "Event page (cy)": ("a location", 73),
    "Stories (cy)": ("blog", 44), "Story page (en)": ("a blog post", 56), "Guides (en)": ("recipes", 72),
    "Guide page (cy)": ("a recipe", 57), "Search (en)": ("search", 29), "Search (cy), mutated word": ("search", 29),
    "Search (en), common word": ("search", 29), "Search (cy), common word": ("search", 29),
}  # fmt: skip
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")

ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE,
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "benchmark-only-" + "b" * 40,
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_ROOT": "/tmp/portal-bench-static",
    "REDIS_URL": REDIS,
}

PAGES = [  # (page type, path)
    ("Home (en)", "/en/"),
    ("Home (cy)", "/cy/"),
    ("Directory (en)", "/en/groups/"),
    ("Directory (cy), Welsh A–Z page 3", "/cy/grwpiau/?page=3"),
    ("Directory, filtered", "/en/groups/?topic=volunteering&volunteers=on"),
    ("Group page (en)", "/en/groups/gresford-community-library/"),
    ("Group page (cy)", "/cy/grwpiau/llyfrgell-gymunedol-gresffordd/"),
    ("Events (en)", "/en/events/"),
    ("Event page (cy)", "/cy/digwyddiadau/paned-a-sgwrs/"),
    ("Stories (cy)", "/cy/straeon/"),
    ("Story page (en)", "/en/stories/gresford-residents-keep-their-library-open/"),
    ("Guides (en)", "/en/guides/"),
    ("Guide page (cy)", "/cy/canllawiau/cymryd-adeilad-cymunedol-drosodd/"),
    ("Search (en)", "/en/search/?q=community+garden"),
    ("Search (cy), mutated word", "/cy/chwilio/?q=gymuned"),
    ("Search (en), common word", "/en/search/?q=community"),  # 1,481 matches at 10,000 pages
    ("Search (cy), common word", "/cy/chwilio/?q=gr%C5%B5p"),  # grŵp
    ("Topics", "/en/topics/"),
    ("Topic page (cy)", "/cy/pynciau/gwirfoddoli/"),
    ("Open Referral services", "/api/openreferral/services?per_page=50"),
    ("Sitemap", "/sitemap.xml"),
    ("Static file (CSS)", "/static/css/portal.css"),
]


def step(message):
    print(f"== {message}", flush=True)


def manage(*args, env=ENV):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def use_scale(scale):
    """Point the benchmark at the database of ``scale`` (each size keeps its own)."""
    global SCALE, DATABASE
    SCALE = scale
    DATABASE = bench_database_url(scale)
    ENV["DATABASE_URL"] = DATABASE


def postgresql_database(create_afresh):
    """Whether the benchmark's PostgreSQL database was (re)made empty: when asked or missing."""
    database = urlsplit(DATABASE)
    name = database.path.lstrip("/")
    with psycopg.connect(urlunsplit(database._replace(path="/postgres")), autocommit=True) as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not create_afresh:
            return False
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def build_site():
    rebuild = bool(os.environ.get("BENCH_REBUILD"))
    if DATABASE.startswith(("postgres://", "postgresql://")):
        fresh = postgresql_database(rebuild)
    else:
        database_file = Path(DATABASE.removeprefix("sqlite:///"))
        fresh = rebuild or not database_file.exists()
        if fresh:
            database_file.unlink(missing_ok=True)
    manage("migrate", "--no-input", "-v", "0")
    if fresh:
        step(f"Building the site once: demo content plus {SCALE} generated groups in each language")
        manage("load_demo_content", "--scale", str(SCALE))
        if DATABASE.startswith(("postgres://", "postgresql://")):
            # As autovacuum leaves a live database: statistics for the planner, and the
            # visibility map that lets an index-only scan skip the table (without it, a count of
            # the groups read every row again: 10 ms of the API's 13 at 10,000 pages).
            manage("dbshell", "--", "-c", "VACUUM ANALYZE")
    else:
        step(f"Reusing {DATABASE} (BENCH_REBUILD=1 builds it again)")
    # Every size and database shares BENCH_REDIS_URL: what the site cached from another database
    # (pages, facts under a page-tree version that database never moved) must not be served here.
    redis.Redis.from_url(REDIS).flushdb()
    manage("collectstatic", "--no-input", "-v", "0")


def count_queries():
    """SQL queries per page, through Django's test client with warm caches."""
    code = f"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(), {{}}
for name, path in {PAGES!r}:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    counts[name] = [len(queries), status]
print(json.dumps(counts))
"""
    env = {**ENV, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "PAGE_CACHE_SECONDS": "0"}
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_server(page_cache_seconds):
    env = {**ENV, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    workers = str(max(2, (os.cpu_count() or 1) + 1))
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", workers, "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/en/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


def wrk(paths, seconds, connections):
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "-s", str(ROOT / "tools" / "wrk_report.lua"), f"http://127.0.0.1:{PORT}"],
        env={**os.environ, "WRK_PATHS": " ".join(paths)}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def one_at_a_time(path, count):
    """Service times (µs) of ``count`` requests for ``path`` sent one after another on one
    kept-alive connection: a fixed count, not a fixed time, so a slow page still gets figures."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    timings = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            connection.request("GET", path)
            connection.getresponse().read()
            timings.append((time.perf_counter() - started) * 1e6)
    finally:
        connection.close()
    timings.sort()
    return {"p50": statistics.median(timings), "p95": timings[max(0, int(len(timings) * 0.95) - 1)]}


def measure_pages(label, page_cache_seconds):
    """{page: {"p50", "p95" (µs, one connection), "rps" (at CONNECTIONS)}}."""
    step(
        f"Serving with gunicorn, {label}: {REQUESTS} requests one at a time, then {CONNECTIONS} connections for {SECONDS} s, a page"
    )
    server = start_server(page_cache_seconds)
    try:
        results = {}
        for name, path in PAGES:
            alone, busy = one_at_a_time(path, REQUESTS), wrk([path], SECONDS, CONNECTIONS)
            results[name] = {"p50": alone["p50"], "p95": alone["p95"], "rps": busy["rps"]}
        return results
    finally:
        stop_server(server)


def search_latency():
    code = """
import json, statistics, time, django
django.setup()
from django.utils import translation
from wagtail.models import Page
from search import queries
QUERIES = {"en": ["community", "garden", "repair cafe", "walking group", "volunteers wanted", "library",
                  "youth club wrexham", "choir", "food", "zzzz"],
           "cy": ["cymuned", "gymuned", "gardd", "caffi trwsio", "grwp cerdded", "gwirfoddoli", "llyfrgell",
                  "clwb ieuenctid", "cor", "bwyd"]}
timings = []
for language, words in QUERIES.items():
    with translation.override(language):
        for _ in range(3):
            for query in words:
                started = time.perf_counter()
                found = queries.search(query)
                list(found["page_of_results"].object_list)
                timings.append((time.perf_counter() - started) * 1000)
timings.sort()
print(json.dumps({"pages": Page.objects.live().count(), "searches": len(timings),
                  "median_ms": statistics.median(timings), "p95_ms": timings[int(len(timings) * 0.95) - 1]}))
"""
    out = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**ENV, "PAGE_CACHE_SECONDS": "0"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def load_test():
    step(f"Load test: {LOAD_SECONDS} s at 16 connections across the main pages in both languages (uncached)")
    server = start_server(0)
    try:
        return wrk([path for _name, path in PAGES], LOAD_SECONDS, 16)
    finally:
        stop_server(server)


def machine():
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{platform.node()}: {os.cpu_count()} CPU cores, Python {platform.python_version()}, {platform.platform()}, "
        f"load average {load} when the report was written"
    )


def live_pages():
    code = (
        "import django; django.setup(); from wagtail.models import Page; print(Page.objects.live().count())"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def size_table(pages, queries, uncached, cached):
    """The table of one size, with the uncached req/s as a multiple of bakerydemo's."""
    size = (
        "the demo content"
        if SCALE == 0
        else f"SCALE={SCALE} (the demo content plus {SCALE} generated groups, {SCALE // 3} events, {SCALE // 6} stories and {SCALE // 6} guides in each language)"
    )
    lines = [
        f"### {pages} live pages: {size}",
        "",
        f"| Page | SQL queries | Uncached p50 ms (1 conn.) | p95 ms | req/s ({CONNECTIONS} conn.) | × bakerydemo | Cached p50 ms | p95 ms | req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]  # fmt: skip
    for name, _path in PAGES:
        count, status = queries[name]
        plain, hot = uncached[name], cached[name]
        reference = BAKERYDEMO_RPS.get(name)
        ratio = f"{plain['rps'] / reference[1]:.2f} ({reference[0]} {reference[1]})" if reference else ""
        lines.append(
            f"| {name} | {count if status == 200 else f'HTTP {status}'} | {plain['p50'] / 1000:.1f} | {plain['p95'] / 1000:.1f} | "
            f"{plain['rps']:.0f} | {ratio} | {hot['p50'] / 1000:.1f} | {hot['p95'] / 1000:.1f} | {hot['rps']:.0f} |"
        )  # fmt: skip
    return lines + [""]


def database_name():
    return "PostgreSQL" if DATABASE.startswith(("postgres://", "postgresql://")) else "SQLite"


def write_section(heading, text, append=False):
    """docs/benchmarks.md keeps one section per database ("## SQLite", "## PostgreSQL") and the
    search-by-size table: a run replaces (or, with ``append``, extends) its own section only, so
    the file holds both databases' tables side by side."""
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(exist_ok=True)
    sections, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    body = "\n".join(sections.get(heading, [])).strip() + "\n\n" if append and heading in sections else ""
    sections[heading] = [body + text.strip(), ""]
    order = ["SQLite", "PostgreSQL"] + [name for name in sections if name not in ("SQLite", "PostgreSQL")]
    lines = ["# Benchmarks", ""]
    for name in order:
        if name in sections:
            lines += [f"## {name}", "", "\n".join(sections[name]).strip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def report(tables, extras):
    lines = [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {machine()}, by `make bench` (tools/bench.py): {database_name()}, "
        f"Redis cache, gunicorn with production settings and {max(2, (os.cpu_count() or 1) + 1)} workers, "
        f"{REQUESTS} requests one at a time for the service time, then wrk with {CONNECTIONS} connections for "
        f"{SECONDS} s for req/s. "
        "× bakerydemo is the uncached req/s over bakerydemo's in issue 18's side-by-side run (not rerun "
        "here; the issue's bar is 3). The machine is shared: other work running at the same time "
        "makes every figure noisy, so compare figures of one run with each other.",
        "",
        *tables,
        *extras,
    ]
    text = "\n".join(lines)
    print("\n" + text)
    write_section(database_name(), text, append=bool(os.environ.get("BENCH_APPEND")))


def search_by_size(scales):
    """Search latency at each scale, each built in its own database; a table in docs/benchmarks.md."""
    rows = []
    for scale in scales:
        result_file = Path(f"/tmp/portal-bench-search-{scale}.json")
        env = {**os.environ, "SCALE": str(scale), "BENCH_SEARCH_RESULT": str(result_file)}
        subprocess.run([PYTHON, __file__], cwd=ROOT, env=env, check=True)
        result = json.loads(result_file.read_text())
        step(f"SCALE={scale}: {result['pages']} live pages, search p95 {result['p95_ms']:.1f} ms")
        rows.append(
            f"| {scale} | {result['pages']} | {result['searches']} | {result['median_ms']:.1f} | {result['p95_ms']:.1f} |"
        )
    text = "\n".join(
        [
            f"Measured {datetime.now():%Y-%m-%d %H:%M} on {machine()} by `make bench-search` (tools/bench.py search), "
            f"{database_name()}, in-process, English and Welsh queries with mutated forms, three rounds.",
            "",
            "| SCALE | Live pages | Searches | Median ms | p95 ms |",
            "| ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )
    print("\n" + text)
    write_section(f"Search latency by site size ({database_name()})", text)


def main():
    if sys.argv[1:2] == ["search"]:
        search_by_size([int(scale) for scale in sys.argv[2:]] or [270, 3000])
        return
    if os.environ.get("BENCH_SEARCH_RESULT"):
        build_site()
        step("Search latency")
        Path(os.environ["BENCH_SEARCH_RESULT"]).write_text(json.dumps(search_latency()))
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk (make bench installs it)")
    tables, extras = [], []
    for scale in SCALES:
        use_scale(scale)
        build_site()
        step(f"SCALE={scale}: counting SQL queries per page")
        queries = count_queries()
        uncached = measure_pages("uncached", 0)
        cached = measure_pages("anonymous page cache on", 600)
        pages = live_pages()
        tables += size_table(pages, queries, uncached, cached)
        if LOAD_SECONDS:
            step("Search latency")
            search = search_latency()
            load = load_test()
            extras += [
                f"Search at {pages} live pages, in-process, {search['searches']} searches (English and Welsh "
                f"queries, mutated forms included): median {search['median_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms.",
                "",
                f"Load test at {pages} live pages: {LOAD_SECONDS} s at 16 connections across the pages above, "
                f"uncached: {load['requests']} requests, {load['rps']:.0f} req/s, p95 {load['p95'] / 1000:.1f} ms, "
                f"{load['errors']} socket errors, {load['non_2xx']} responses that were not 2xx/3xx.",
                "",
            ]
    report(tables, extras)


if __name__ == "__main__":
    main()
