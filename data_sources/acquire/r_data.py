"""R data files (`.rda`, as `save()` writes them), read within a bound, with the maintained `rdata` library.

An `.rda` file is one R serialisation stream ("RDX2"/"RDX3" binary, "RDA2"/"RDA3" text), usually
compressed as a whole with gzip, bzip2 or xz. A few hundred bytes of bzip2 can inflate to gigabytes,
so the stream is inflated here, chunk by chunk, and refused as soon as it passes `MAX_INFLATED_BYTES`,
before the reader sees a byte. The reader then gets plain bytes: a vector can only be as long as the
bytes that hold it, except an ALTREP compact sequence (`1:n`, which R 3.5+ writes as three numbers
standing for any length): those are expanded only up to `MAX_SEQUENCE_VALUES`. So a file's cost
stays bounded by its inflated size.

Files are recognised by content (`r_data_head`): the compression's magic bytes, then the R header in
the first inflated bytes. A file's name is never trusted.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import rdata

from data_sources.acquire.source import ParseError

MAX_INFLATED_BYTES = 20_000_000  # the largest file we read (Mexico by nationality) inflates to about 160 KB
R_HEADERS = (b"RDX2\n", b"RDX3\n", b"RDA2\n", b"RDA3\n")  # binary (XDR) and text serialisations
MAX_SEQUENCE_VALUES = 5_000_000  # values one compact sequence may stand for (row numbers of a big table)
CHUNK = 1 << 16
_OPENERS: dict[bytes, tuple[str, Callable[..., Any]]] = {  # magic bytes → (name, open function)
    b"\x1f\x8b": ("gzip", gzip.open),
    b"BZh": ("bzip2", bz2.open),
    b"\xfd7zXZ\x00": ("xz", lzma.open),
}


def compression_of(head: bytes) -> str | None:
    """'gzip', 'bzip2' or 'xz' from a file's first bytes; None for anything else."""
    return next((name for magic, (name, _) in _OPENERS.items() if head.startswith(magic)), None)


def r_data_head(path: Path, size: int = 64) -> bytes | None:
    """The first `size` inflated bytes when the file is R data (compressed or not), else None."""
    with path.open("rb") as handle:
        head = handle.read(8)
    try:
        inflated = _inflate(path, head, size)
    except ParseError:
        return None
    return inflated if inflated.startswith(R_HEADERS) else None


def inflate(path: Path, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """The file's R serialisation, inflated; `ParseError` when it is not R data, is cut short or
    inflates past `limit` (a decompression bomb is stopped at the limit, never inflated whole)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    data = _inflate(path, head, limit + 1)
    if len(data) > limit:
        raise ParseError(f"refusing an R data file that inflates to over {limit:,} bytes (a decompression bomb?)")
    if not data.startswith(R_HEADERS):
        found = compression_of(head) or "uncompressed"
        raise ParseError(f"not an R data file (a {found} file without the RDX2/RDX3 header)")
    return data


def _inflate(path: Path, head: bytes, most: int) -> bytes:
    """At most `most` bytes of the file, inflated if it is compressed, read in chunks."""
    kind = compression_of(head)
    if kind is None:
        with path.open("rb") as handle:
            return handle.read(most)
    _, opener = next(entry for magic, entry in _OPENERS.items() if head.startswith(magic))
    out = bytearray()
    try:
        with opener(path, "rb") as stream:
            while len(out) < most and (chunk := stream.read(min(CHUNK, most - len(out)))):
                out += chunk
    except EOFError as error:
        raise ParseError(f"the {kind} stream ends early: the file is cut short") from error
    except (OSError, lzma.LZMAError, ValueError) as error:
        raise ParseError(f"not a readable {kind} stream: {error}") from error
    return bytes(out)


def _bounded_sequence(constructor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def construct(state: Any) -> Any:
        if abs(int(state.value[0])) > MAX_SEQUENCE_VALUES:
            raise ParseError(f"an R compact sequence of over {MAX_SEQUENCE_VALUES:,} values (the bound); refused")
        return constructor(state)

    return construct


ALTREPS = {
    name: _bounded_sequence(constructor) if name.startswith(b"compact_") else constructor
    for name, constructor in rdata.parser.DEFAULT_ALTREP_MAP.items()
}


def read_objects(path: Path, limit: int = MAX_INFLATED_BYTES) -> dict[str, Any]:
    """Every object the file holds, by name, as `rdata` converts it (data frames become pandas frames)."""
    data = inflate(path, limit)
    try:
        with warnings.catch_warnings():  # classes without a Python constructor (tibble, yearmonth) fall back quietly
            warnings.simplefilter("ignore")
            parsed = rdata.parser.parse_data(data, altrep_constructor_dict=ALTREPS)
            objects = rdata.conversion.convert(parsed)
    except ParseError:
        raise
    except (NotImplementedError, ValueError, KeyError, IndexError, TypeError, RecursionError, EOFError) as error:
        raise ParseError(f"unreadable R data: {type(error).__name__}: {error}") from error
    if not isinstance(objects, dict):
        raise ParseError("the R data file holds no named objects")
    return objects


def data_frame(objects: dict[str, Any], name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """The object `name` as a data frame with at least `columns`, or `ParseError` saying what is missing."""
    if name not in objects:
        raise ParseError(f"the R data file has no object {name!r}; it holds {sorted(objects)[:10]}")
    frame = objects[name]
    if not isinstance(frame, pd.DataFrame):
        raise ParseError(f"the R object {name!r} is not a data frame")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParseError(f"the R object {name!r} is missing columns {missing}; found {list(frame.columns)[:20]}")
    return frame.reset_index(drop=True)
