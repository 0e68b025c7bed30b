"""How fast the claim finder reads a long paste (issue 12): measured and printed, not asserted.

    .venv/bin/python -m tests.benchmarks.finder_speed [--runs 5]

A paste of about 1 MB with 10,000 numbers spread evenly over it, written from our own sentence
patterns (rates, monthly and fiscal-year totals, ranges, written-out amounts, dates, money and other
distractors) with a sentence of plain filler between them. Medians of `--runs` runs, for:
- the page's path: the first `MAX_TEXT_CHARS` characters, capped at `MAX_CLAIMS` claims;
- the whole paste with no cap (every claim of all 10,000 numbers), and a quarter and a half of it,
  to show the time grows linearly with the text.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from data_sources.claims.finder import MAX_CLAIMS, MAX_TEXT_CHARS, find_claims

PATTERNS = [
    "Agents recorded {n:,} apprehensions at the southern border in {month}, or about {d:,} a day.",
    "The Border Patrol counted {n:,} encounters in fiscal {year}, down from {m:,} in fiscal {prev}.",
    "Officials said between {d:,} and {e:,} migrants a day were crossing near El Paso that week.",
    "Close to a quarter of a million people reached the border in {month}, the agency said on Monday.",
    "The county spent ${n:,} on buses last year, and the 1,954-mile border still has {d:,} gaps.",
    "Shelters in the city held {d:,} people on Sunday night, a spokesman said on {month} 3.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
TARGET_SECONDS = 2.0


def paste(numbers: int = 10_000, size: int = 1_000_000) -> str:
    """About `size` characters of sentences holding `numbers` numbers in all (two or three per
    sentence), spread evenly over the whole text: a sentence of plain filler (no number) between them."""
    sentences, counted = [], 0
    for i in itertools.count():
        if counted >= numbers:
            break
        template = PATTERNS[i % len(PATTERNS)]
        year = 2014 + i % 11
        n, d = 50_000 + (i * 7919) % 250_000, 500 + (i * 31) % 9_000
        text = template.format(n=n, m=n + 1_000, d=d, e=d + 500, month=MONTHS[i % 6], year=year, prev=year - 1)
        counted += sum(ch.isdigit() and not text[j - 1].isdigit() and text[j - 1] != "," for j, ch in enumerate(text))
        sentences.append(text)
    filler = "The debate over the border went on in Congress and in town halls across the state."
    fillers = max(0, size - len(" ".join(sentences))) / (len(filler) + 1)  # how many fit, in all
    parts, owed = [], 0.0
    for sentence in sentences:
        parts.append(sentence)
        owed += fillers / len(sentences)
        parts += [filler] * int(owed)
        owed -= int(owed)
    body = " ".join(parts)
    while len(body) < size:
        body += " " + filler
    return body


def median_seconds(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    text = paste()
    print(f"Paste: {len(text):,} characters, {len(text.encode()):,} bytes. Medians of {runs} runs.\n")
    print("| measure | median | target |\n|---|---|---|")
    page = median_seconds(lambda: find_claims(text[:MAX_TEXT_CHARS], "2024-01-16"), runs)
    target = f"≤ {TARGET_SECONDS:.0f} s"
    print(f"| page: the first {MAX_TEXT_CHARS:,} characters, at most {MAX_CLAIMS} claims | {page:.2f} s | {target} |")
    head = text[:MAX_TEXT_CHARS]
    worst = median_seconds(lambda: find_claims(head, "2024-01-16", cap=False), runs)
    print(
        f"| page, worst case: all {MAX_TEXT_CHARS:,} characters read (cap never reached) | {worst:.2f} s | {target} |"
    )
    found = len(find_claims(text, "2024-01-16", cap=False))
    for share in (0.25, 0.5, 1.0):
        part = text[: int(len(text) * share)]
        seconds = median_seconds(lambda part=part: find_claims(part, "2024-01-16", cap=False), runs)
        label = f"{share:.0%} of the paste ({len(part) / 1e6:.2f} MB), no cap" + (
            f": {found:,} claims" if share == 1 else ""
        )
        print(f"| {label} | {seconds:.2f} s | linear in the length |")


if __name__ == "__main__":
    main()
