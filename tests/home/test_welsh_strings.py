"""Welsh must never be second best: every interface string needs its Welsh translation."""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

NOT_SOURCE = shutil.ignore_patterns(
    ".*",
    "__pycache__",
    "tests",
    "locale",
    "media",
    "test-media",
    "staticfiles",
    "static",
    "*.sqlite3",
    "docs",
)


def test_every_interface_string_has_welsh(tmp_path, monkeypatch):
    # makemessages writes into the catalogue nearest the sources, so extract from a copy of
    # the project and leave the real catalogue untouched.
    project = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, project, ignore=NOT_SOURCE)
    catalogue_path = project / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    catalogue_path.parent.mkdir(parents=True)
    shutil.copy(Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po", catalogue_path)

    monkeypatch.chdir(project)
    with override_settings(LOCALE_PATHS=[project / "locale"]):
        call_command("makemessages", locale=["cy"], no_obsolete=True, verbosity=0)

    catalogue = polib.pofile(str(catalogue_path))
    assert len(catalogue) > 50
    missing = [entry.msgid for entry in catalogue if not entry.translated() or entry.fuzzy]
    assert not missing, "Strings without Welsh in locale/cy/LC_MESSAGES/django.po:\n" + "\n".join(missing)
