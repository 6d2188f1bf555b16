"""tools/deploy-check's module-level names (it is a script, not an importable module): the
README's fenced blocks and the uploads it makes, shared rather than copied."""

import runpy
from pathlib import Path

from django.conf import settings

DEPLOY_CHECK = runpy.run_path(str(Path(settings.BASE_DIR) / "tools" / "deploy-check"))
