"""Where a page's render time goes: `tools/profile_page.py PATH [PATH…]`.

Serves each path in-process through the whole middleware stack (Django's test client, production
settings, the benchmark's database and Redis cache: tools/bench.py's environment, BENCH_SCALES'
first size), uncached, a few times to warm up, then PROFILE_REQUESTS (20) times under cProfile,
and prints the mean time per request and the functions that take the most cumulative and own
time. Run `make bench` once first so the benchmark's database exists.

Not a test: it measures; the suite asserts the query budgets.
"""

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the benchmark's database and environment)

REQUESTS = int(os.environ.get("PROFILE_REQUESTS", "20"))
TOP = int(os.environ.get("PROFILE_TOP", "35"))


def main(paths):
    bench.use_scale(bench.SCALES[0])
    os.environ.update({**bench.ENV, "PAGE_CACHE_SECONDS": "0"})
    sys.path.insert(0, str(bench.ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths:
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for _ in range(REQUESTS):
            client.get(path)
        profile.disable()
        per_request = (time.perf_counter() - started) / REQUESTS * 1000
        print(f"\n=== {path}: {per_request:.1f} ms a request under the profiler ({REQUESTS} requests)")
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(TOP)
            print(out.getvalue().split("\n", 6)[-1])


if __name__ == "__main__":
    main(sys.argv[1:] or [path for _name, path in bench.PAGES[:-1]])
