"""Entry point for `python -m data_sources`."""

import sys

from data_sources.cli import main

sys.exit(main())
