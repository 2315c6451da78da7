"""Dates from listings become ISO forms that are always real calendar dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kg.sources.records import normalise_date


@given(st.integers(1900, 2100), st.integers(0, 13), st.integers(0, 32))
def test_normalised_dates_exist_on_the_calendar(year: int, month: int, day: int) -> None:
    for text in (f"{year}-{month:02d}-{day:02d}", f"{day} Feb {year}", f"Mar {day}, {year}"):
        value = normalise_date(text)
        if value is None:
            continue
        parts = value.split("-")
        if len(parts) == 3:
            dt.date(int(parts[0]), int(parts[1]), int(parts[2]))  # raises if impossible
        elif len(parts) == 2:
            assert 1 <= int(parts[1]) <= 12


def test_an_impossible_day_keeps_year_and_month() -> None:
    assert normalise_date("2023-02-29") == "2023-02"
    assert normalise_date("2024-02-29") == "2024-02-29"
    assert normalise_date("Apr 31") is None
