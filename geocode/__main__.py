"""`python -m geocode` (what `make geocode` runs)."""

import sys

from geocode.cli import main

sys.exit(main())
