"""Amounts with currencies and dates, as French news writes them."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.amounts import find_amounts, find_date


def test_millions_of_dollars():
    [a] = find_amounts("une offre de 500 millions de dollars")
    assert (a.value, a.currency, a.max_value) == (Decimal(500_000_000), "USD", None)


def test_a_range_keeps_both_ends():
    [a] = find_amounts("un engagement portant sur 300 à 500 millions de dollars")
    assert (a.value, a.max_value) == (Decimal(300_000_000), Decimal(500_000_000))


def test_short_forms_and_decimal_commas():
    [a] = find_amounts("une levée de 12,5 M€")
    assert (a.value, a.currency) == (Decimal("12500000.0"), "EUR")


def test_dates_at_three_precisions():
    assert find_date("en 2009") == "2009"
    assert find_date("en février 2009") == "2009-02"
    assert find_date("le 3 mars 2021") == "2021-03-03"
    assert find_date("sans date") == ""
