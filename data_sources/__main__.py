"""Entry point for `python -m data_sources`: commands that parse publishers' files run under a
memory ceiling (`data_sources.acquire.memory`), set here, before pandas is imported."""

import sys

from data_sources.cli import main, parses_files

if parses_files(sys.argv[1:]):
    from data_sources.acquire.memory import apply_limit

    apply_limit()
sys.exit(main())
