"""The wording helpers: every number a sentence shows goes through one of these."""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims import wording as w


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: w.month_name(pd.Timestamp("2023-12-01")), "December 2023"),
        (lambda: w.day_name(pd.Timestamp("2023-12-04")), "4 December 2023"),
        (lambda: w.span(pd.Timestamp("2022-10-01"), pd.Timestamp("2024-06-01")), "Oct 2022–Jun 2024"),
        (lambda: w.span(pd.Timestamp("2023-12-04"), pd.Timestamp("2023-12-22")), "Dec 2023"),
        (lambda: w.count(9741.4), "9,741"),
        (lambda: w.count(1684.6), "1,685"),
        (lambda: w.compared(10_000, 9_741), "3% above"),
        (lambda: w.compared(9_000, 10_000), "10% below"),
        (lambda: w.compared(10_040, 10_000), "about the same as"),
        (lambda: w.change(2_400, 1_200), "100% higher than"),
        (lambda: w.change(900, 1_000), "10% lower than"),
        (lambda: w.direction(3_966, 26_321), "85% lower"),
        (lambda: w.direction(1_000, 1_001), "about the same"),
        (lambda: w.counted(1, "port"), "1 port"),
        (lambda: w.counted(4, "port"), "4 ports"),
    ],
)
def test_wording(call, expected):
    assert call() == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),  # the closures card with only rail closures asked for this and took the page down
        (["AZ"], "AZ"),
        (["AZ", "TX"], "AZ and TX"),
        (["AZ", "CA", "TX"], "AZ, CA and TX"),
    ],
)
def test_listing(items, expected):
    assert w.listing(items) == expected
