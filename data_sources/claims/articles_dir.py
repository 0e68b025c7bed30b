"""Where the article files are: `articles/` in the repository, unless `BORDER_ARTICLES_DIR` says.

Kept apart from `articles.py` (which reads and checks the files, with pandas) so the landing page
can tell whether an article file changed without importing the readers.
"""

from __future__ import annotations

import os
from pathlib import Path

ARTICLES_ENV = "BORDER_ARTICLES_DIR"
DEFAULT_ARTICLES_DIR = Path(__file__).resolve().parents[2] / "articles"


def articles_dir() -> Path:
    """`articles/` in the repository, unless `BORDER_ARTICLES_DIR` names another folder."""
    return Path(os.environ.get(ARTICLES_ENV) or DEFAULT_ARTICLES_DIR)
