"""Settings of the benchmark (bench/run.py) and of the synthetic data (manage.py fill_synthetic
--settings bench.settings): the portal's own, plus the bench app (its command) and a bare Django
view to compare its pages with (bench.urls). Nothing else differs from production; the portal's
own settings know neither, so no production server has the bare view or the command."""

import os

from portal.settings import *  # noqa: F403
from portal.settings import DATABASES, INSTALLED_APPS

if "bench" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"

# A query still running after this many seconds is cancelled by PostgreSQL, so that a page the
# benchmark gave up on does not keep the database busy while the next page is measured.
if os.environ.get("BENCH_STATEMENT_TIMEOUT"):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={int(os.environ['BENCH_STATEMENT_TIMEOUT']) * 1000}"
    )
