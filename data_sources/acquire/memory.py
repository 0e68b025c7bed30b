"""A ceiling on the memory of a process that downloads or parses publishers' files.

The row, column and time bounds of each parser stop the hostile files we know of; this ceiling
stops the ones we do not. `python -m data_sources refresh|import|import-dir|fill` (the command the
dashboard's refresh button runs too) limits its address space to `DEFAULT_LIMIT_MB`, or to
`$BORDER_MEMORY_LIMIT_MB` (0 for no limit), so a file needing more raises `MemoryError` while it is
parsed: that source is refused with a one-line reason (`refusal`) and the others still run.
The limit is never set inside a server or test process, only at the CLI's entry.
"""

from __future__ import annotations

import os
import sys

LIMIT_ENV = "BORDER_MEMORY_LIMIT_MB"
DEFAULT_LIMIT_MB = 1536  # real files (≤ ~60 MB) parse in a few hundred MB
# Arrow's allocator reserves 1 GiB of address space up front; under a ceiling it need not.
ARROW_RESERVE = ("MIMALLOC_ARENA_RESERVE", "64MiB")
_applied_mb: int | None = None  # the ceiling this process runs under, once set


def limit_mb() -> int:
    """The ceiling asked for, in MB (0 = none): `$BORDER_MEMORY_LIMIT_MB`, else the default."""
    value = os.environ.get(LIMIT_ENV, "").strip()
    try:
        return max(int(value), 0) if value else DEFAULT_LIMIT_MB
    except ValueError:
        print(
            f"warning: {LIMIT_ENV}={value[:20]!r} is not a whole number of MB; using {DEFAULT_LIMIT_MB}",
            file=sys.stderr,
        )
        return DEFAULT_LIMIT_MB


def apply_limit() -> int | None:
    """Limit this process's address space; the ceiling in MB, or None where none was set.

    Call it before pandas is imported. Skipped quietly where `resource` is unavailable (Windows);
    a lower limit already in force (`ulimit -v`) is kept.
    """
    global _applied_mb
    mb = limit_mb()
    try:
        import resource
    except ImportError:
        return None
    if not mb:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = mb * 1024 * 1024
    for existing in (soft, hard):
        if existing != resource.RLIM_INFINITY:
            wanted = min(wanted, existing)
    os.environ.setdefault(*ARROW_RESERVE)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    _applied_mb = wanted // (1024 * 1024)
    return _applied_mb


def refusal() -> str:
    """The one-line reason a file that ran out of memory is refused with."""
    if _applied_mb:
        return f"the file was refused: it needs more memory than the {_applied_mb} MB bound"
    return "the file was refused: it needs more memory than this process has"
