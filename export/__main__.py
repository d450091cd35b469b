"""`python -m export --format png|svg|pdf|html --out FILE [view options]`: see export/cli.py."""

import sys

from export.cli import main

sys.exit(main())
