"""Set up Django for the bench scripts, which run outside manage.py."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def setup():
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The bench measures the report pages, not the two-factor step in front of them.
    os.environ.setdefault("OTP_REQUIRED", "0")
    import django

    django.setup()
