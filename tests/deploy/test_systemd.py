"""deploy/systemd: units systemd accepts, with the production settings, one timer per cron job.

The cron jobs are the README's (the block after ``<!-- deploy-cron -->``, which tools/deploy-check
runs); each timer must start the same command on the same schedule, as systemd itself reads it.
"""

import re
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.deploy_check import DEPLOY_CHECK

ROOT = Path(settings.BASE_DIR)
UNITS = ROOT / "deploy" / "systemd"
CRON = DEPLOY_CHECK["fenced_block_after"]((ROOT / "README.md").read_text(), "<!-- deploy-cron -->")
JOBS = [line.split() for line in CRON if line.strip() and not line.lstrip().startswith("#")]
BASE_TIME = datetime(2030, 1, 31, 23, 59)  # the turn of a month, to tell a monthly job apart
RUNS = 3


def cron_field_matches(field, value):
    """Whether ``value`` matches one crontab field: *, */step, numbers, ranges and lists."""
    for part in field.split(","):
        span, _, step = part.partition("/")
        first, _, last = span.partition("-")
        if span == "*":
            if value % int(step or 1) == 0:
                return True
        elif int(first) <= value <= int(last or first) and (value - int(first)) % int(step or 1) == 0:
            return True
    return False


def cron_runs(schedule, after, count):
    """The next ``count`` minutes after ``after`` that the five crontab fields select."""
    minute, hour, day, month, weekday = schedule
    runs, moment = [], after
    while len(runs) < count:
        moment += timedelta(minutes=1)
        if all(
            cron_field_matches(field, value)
            for field, value in (
                (minute, moment.minute), (hour, moment.hour), (day, moment.day), (month, moment.month),
                (weekday, moment.isoweekday() % 7),
            )
        ):  # fmt: skip
            runs.append(moment)
    return runs


def timer_runs(calendar, after, count):
    """The next ``count`` times systemd would start a timer with OnCalendar=``calendar``."""
    shown = subprocess.run(
        ["systemd-analyze", "calendar", f"--iterations={count}", f"--base-time={after:%Y-%m-%d %H:%M:%S} UTC",
         calendar],
        env={"TZ": "UTC", "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    times = re.findall(r"(?:Next elapse|Iter\. #\d+): \w+ (\S+ \S+) UTC", shown)
    return [datetime.fromisoformat(time) for time in times]


def settings_of(unit):
    return dict(
        line.split("=", 1) for line in (UNITS / unit).read_text().splitlines() if re.match(r"^\w+=", line)
    )


def test_every_cron_job_of_the_readme_has_a_timer_and_no_other_timer_exists():
    commands = {job[-1] for job in JOBS}
    assert commands and len(commands) == len(JOBS)  # one command per cron line, none read twice
    timers = {path.name for path in UNITS.glob("*.timer")}
    assert timers == {f"portal-command@{name}.timer" for name in commands}


@pytest.mark.parametrize("job", JOBS, ids=[job[-1] for job in JOBS])
def test_each_timer_runs_its_cron_job_on_the_same_schedule(job):
    calendar = settings_of(f"portal-command@{job[-1]}.timer")["OnCalendar"]
    assert timer_runs(calendar, BASE_TIME, RUNS) == cron_runs(job[:5], BASE_TIME, RUNS)
    # The timer's service runs `manage.py <its instance name>`: the cron line's command has
    # no arguments for the name to leave out.
    assert job[-2] == "manage.py"
    assert settings_of("portal-command@.service")["ExecStart"].endswith("python manage.py %i")


@pytest.mark.parametrize("unit", ["portal.service", "portal-command@.service"])
def test_the_services_run_with_the_production_settings_and_the_site_environment(unit):
    service = settings_of(unit)
    assert service["Environment"] == "DJANGO_SETTINGS_MODULE=portal.settings.production"
    assert service["EnvironmentFile"] == "/etc/portal/env"
    assert service["WorkingDirectory"] == "/srv/portal"


def test_systemd_accepts_every_unit():
    checked = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(map(str, UNITS.iterdir()))],
        capture_output=True, text=True,
    )  # fmt: skip
    # Only complaints that the deploy's virtualenv is not on this machine; no unknown or
    # misspelt setting, no timer without its service.
    problems = [
        line
        for line in (checked.stdout + checked.stderr).splitlines()
        if not re.search(r"Command /srv/portal/\.venv/bin/\w+ is not executable", line)
    ]
    assert problems == []
