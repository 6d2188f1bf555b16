"""Lighthouse scores of the public pages: `make lighthouse`.

Serves the benchmark's demo-content site (tools/bench.py's database for BENCH_SCALES' first size,
built if missing; gunicorn, production settings, the anonymous page cache on as in production)
and runs Lighthouse (tools/lighthouse/package.json, pinned; mobile, its default form factor and
simulated throttling) in Debian's chromium on the pages issue 18 names, in English and Welsh.
Prints the four category scores per page and every audit that cost points, and writes them to
docs/benchmarks.md ("## Lighthouse"). The map tiles come from a blank tile served here, as in the
browser tests: this machine cannot reach the tile server.

Not a test: Lighthouse's performance score moves with the machine's load; it measures.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the benchmark's database, environment and server)

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = [  # (page, path): issue 18's home, directory, group, event and search pages
    ("Home (en)", "/en/"),
    ("Home (cy)", "/cy/"),
    ("Directory (en)", "/en/groups/"),
    ("Directory (cy)", "/cy/grwpiau/"),
    ("Group page (en)", "/en/groups/gresford-community-library/"),
    ("Group page (cy)", "/cy/grwpiau/llyfrgell-gymunedol-gresffordd/"),
    ("Event page (en)", "/en/events/cuppa-and-a-chat-welsh-conversation/"),
    ("Event page (cy)", "/cy/digwyddiadau/paned-a-sgwrs/"),
    ("Search (en)", "/en/search/?q=community+garden"),
    ("Search (cy)", "/cy/chwilio/?q=gymuned"),
]


def audit(url, report_path, tries=2):
    """Lighthouse's JSON report of ``url``, tried again once: the first run in a fresh chromium
    now and then records no trace (Lighthouse's NO_NAVSTART)."""
    for attempt in range(1, tries + 1):
        try:
            return run_lighthouse(url, report_path)
        except subprocess.CalledProcessError:
            if attempt == tries:
                raise


def run_lighthouse(url, report_path):
    subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"},
        check=True,
    )  # fmt: skip
    return json.loads(Path(report_path).read_text(encoding="utf-8"))


def blank_tile_server():
    """A server on a spare port that answers every tile request with one blank 256 px tile."""
    image = BytesIO()
    Image.new("RGB", (256, 256), (230, 230, 220)).save(image, "PNG")
    tile = image.getvalue()

    class BlankTile(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.send_header("Cache-Control", "max-age=86400")
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), BlankTile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lost_points(result):
    """The audits that cost a category points: ``category: audit id (score)``."""
    lost = []
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            score = result["audits"][ref["id"]]["score"]
            if ref["weight"] and score is not None and score < 1:
                lost.append(f"{category}: {ref['id']} ({score:.2f})")
    return lost


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: make lighthouse installs it")
    bench.use_scale(bench.SCALES[0])
    bench.build_site()
    tiles = blank_tile_server()
    bench.ENV["MAP_TILE_URL"] = f"http://127.0.0.1:{tiles.server_port}/{{z}}/{{x}}/{{y}}.png"
    server = bench.start_server(600)
    rows, notes = [], []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for name, path in PAGES:
                bench.step(f"Lighthouse: {name} {path}")
                result = audit(f"http://127.0.0.1:{bench.PORT}{path}", Path(scratch) / "report.json")
                scores = [round(result["categories"][category]["score"] * 100) for category in CATEGORIES]
                rows.append(f"| {name} | `{path}` | " + " | ".join(str(score) for score in scores) + " |")
                notes += [f"- {name}: {lost}" for lost in lost_points(result)]
    finally:
        bench.stop_server(server)
        tiles.shutdown()
    version = json.loads((LIGHTHOUSE.parent.parent / "lighthouse" / "package.json").read_text())["version"]
    text = "\n".join(
        [
            f"Measured {datetime.now():%Y-%m-%d %H:%M} on {bench.machine()}, by `make lighthouse` "
            f"(tools/lighthouse.py): Lighthouse {version}, mobile (its default throttling), Debian's chromium "
            f"headless, the demo content on {bench.database_name()}, gunicorn with production settings and "
            "the page cache on; map tiles from a blank tile served beside it.",
            "",
            "| Page | Path | Performance | Accessibility | Best practices | SEO |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Audits that cost points:" if notes else "No audit cost any points.",
            "",
            *notes,
        ]
    )
    print("\n" + text)
    bench.write_section("Lighthouse", text)


if __name__ == "__main__":
    main()
