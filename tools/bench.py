"""The portal's benchmark: `make bench` (SCALE=3000 by default), and `make bench-search`.

Builds a large bilingual site in its own database (demo content plus SCALE generated groups in
each language), serves it with gunicorn and production settings, and measures each page type:
SQL queries (Django test client), median and 95th-percentile latency and requests per second
under fixed concurrency (wrk), uncached and with the anonymous page cache, beside a static
file from the same server. Then search latency in-process, and a 60-second load test across
the main pages in both languages. Prints a table and writes docs/benchmarks.md.

On PostgreSQL when DATABASE_URL names a PostgreSQL server: the benchmark then builds a database
of its own there (DATABASE_URL's name + `_bench_SCALE`), never touching DATABASE_URL's own.
docs/benchmarks.md keeps the last run on each database (docs/benchmarks.json) and puts them
side by side.

`tools/bench.py search N…` (make bench-search) builds a site at each scale N in turn and
measures search latency alone, for the table of search speed by site size.

Not a test: it measures, it does not assert (the suite asserts the query budgets).
"""

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCALE = int(os.environ.get("SCALE", "3000"))
PORT = int(os.environ.get("BENCH_PORT", "8123"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))


def bench_database_url():
    """BENCH_DATABASE_URL; else a database of the benchmark's own on DATABASE_URL's PostgreSQL
    server; else SQLite in /tmp."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    server = urlsplit(os.environ.get("DATABASE_URL", ""))
    if server.scheme in ("postgres", "postgresql"):
        return urlunsplit(server._replace(path=f"{server.path.rstrip('/') or '/portal'}_bench_{SCALE}"))
    return f"sqlite:////tmp/portal-bench-{SCALE}.sqlite3"


DATABASE = bench_database_url()
ON_POSTGRESQL = DATABASE.startswith(("postgres://", "postgresql://"))
DATABASE_NAME = "PostgreSQL" if ON_POSTGRESQL else "SQLite"
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


def recreate_postgresql_database():
    database = urlsplit(DATABASE)
    name = sql.Identifier(database.path.lstrip("/"))
    with psycopg.connect(urlunsplit(database._replace(path="/postgres")), autocommit=True) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        server.execute(sql.SQL("CREATE DATABASE {}").format(name))


def build_site():
    if DATABASE.startswith("sqlite:////tmp/") and not os.environ.get("BENCH_KEEP_DATABASE"):
        Path(DATABASE.removeprefix("sqlite:///")).unlink(missing_ok=True)
    if ON_POSTGRESQL and not os.environ.get("BENCH_KEEP_DATABASE"):
        recreate_postgresql_database()
    step(f"Building the site: demo content plus {SCALE} generated groups in each language")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_content", "--scale", str(SCALE))
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


def measure_pages(label, page_cache_seconds):
    step(f"Serving with gunicorn, {label}: {CONNECTIONS} connections, {SECONDS} s a page")
    server = start_server(page_cache_seconds)
    try:
        return {name: wrk([path], SECONDS, CONNECTIONS) for name, path in PAGES}
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
    return f"{platform.node()}: {os.cpu_count()} CPU cores, Python {platform.python_version()}, {platform.platform()}"


def report(queries, uncached, cached, search, load):
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {machine()}, by `make bench` (tools/bench.py) with "
        f"SCALE={SCALE}: the demo content plus, in each language, {SCALE} generated groups, {SCALE // 3} events, "
        f"{SCALE // 6} stories and {SCALE // 6} guides "
        f"({search['pages']} live pages), {DATABASE.split(':')[0]} database, Redis cache, gunicorn with production "
        f"settings, wrk with {CONNECTIONS} connections for {SECONDS} s per page.",
        "",
        "| Page | SQL queries | Uncached p50 ms | p95 ms | req/s | Cached p50 ms | p95 ms | req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _path in PAGES:
        count, status = queries[name]
        plain, hot = uncached[name], cached[name]
        lines.append(
            f"| {name} | {count if status == 200 else f'HTTP {status}'} | {plain['p50'] / 1000:.1f} | {plain['p95'] / 1000:.1f} | "
            f"{plain['rps']:.0f} | {hot['p50'] / 1000:.1f} | {hot['p95'] / 1000:.1f} | {hot['rps']:.0f} |"
        )
    lines += [
        "",
        f"Search, in-process, {search['searches']} searches over {search['pages']} live pages (English and Welsh "
        f"queries, mutated forms included): median {search['median_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms.",
        "",
        f"Load test: {LOAD_SECONDS} s at 16 connections across the pages above, uncached: {load['requests']} requests, "
        f"{load['rps']:.0f} req/s, p95 {load['p95'] / 1000:.1f} ms, {load['errors']} socket errors, "
        f"{load['non_2xx']} responses that were not 2xx/3xx.",
        "",
    ]
    text = "\n".join(lines)
    print("\n" + text)
    (ROOT / "docs").mkdir(exist_ok=True)
    with open(
        ROOT / "docs" / "benchmarks.md", "a" if os.environ.get("BENCH_APPEND") else "w", encoding="utf-8"
    ) as output:
        output.write(text + "\n")
    return text


def side_by_side(text, queries, uncached, search):
    """docs/benchmarks.md: this run and the last run on the other database, and one table of
    both (uncached service time and queries per page), from docs/benchmarks.json."""
    store = ROOT / "docs" / "benchmarks.json"
    runs = json.loads(store.read_text()) if store.exists() else {}
    runs[DATABASE_NAME] = {
        "report": text.removeprefix("# Benchmarks\n\n"),
        "pages": {
            name: [queries[name][0], uncached[name]["p50"], uncached[name]["p95"]] for name, _path in PAGES
        },
        "search": [search["median_ms"], search["p95_ms"]],
    }
    store.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n")
    names = sorted(runs, key=lambda name: name != "SQLite")

    def cells(run, page):
        count, p50, p95 = run["pages"].get(page, ["–", 0, 0])
        return f"{count} | {p50 / 1000:.1f} | {p95 / 1000:.1f}"

    lines = [
        "# Benchmarks",
        "",
        f"## {' and '.join(names)} side by side",
        "",
        "Uncached, wrk p50 and p95 in ms and SQL queries per page, from each database's last run below.",
        "",
        "| Page | " + " | ".join(f"{name} queries | p50 | p95" for name in names) + " |",
        "| --- |" + " ---: | ---: | ---: |" * len(names),
        *(
            f"| {page} | " + " | ".join(cells(runs[name], page) for name in names) + " |"
            for page, _path in PAGES
        ),
        "| Search, in-process (median, p95) | "
        + " | ".join(f"| {runs[name]['search'][0]:.1f} | {runs[name]['search'][1]:.1f}" for name in names)
        + " |",
        "",
        *(f"## {name}\n\n{runs[name]['report']}" for name in names),
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines), encoding="utf-8")


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
            "## Search latency by site size",
            "",
            f"Measured {datetime.now():%Y-%m-%d %H:%M} on {machine()} by `make bench-search` (tools/bench.py search), "
            f"{DATABASE_NAME}, in-process, English and Welsh queries with mutated forms, three rounds.",
            "",
            "| SCALE | Live pages | Searches | Median ms | p95 ms |",
            "| ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )
    print("\n" + text)
    (ROOT / "docs").mkdir(exist_ok=True)
    with open(ROOT / "docs" / "benchmarks.md", "a", encoding="utf-8") as output:
        output.write("\n" + text)


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
    if not os.environ.get("BENCH_SKIP_BUILD"):
        build_site()
    step("Counting SQL queries per page")
    queries = count_queries()
    uncached = measure_pages("uncached", 0)
    cached = measure_pages("anonymous page cache on", 600)
    step("Search latency")
    search = search_latency()
    load = load_test()
    side_by_side(report(queries, uncached, cached, search, load), queries, uncached, search)


if __name__ == "__main__":
    main()
