"""Stable IRIs: ASCII slugs of canonical names under a configurable base; never relative, never blank."""

from __future__ import annotations

import pytest

from kg.iri import check_base, entity_iri, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Procter & Gamble", "procter-gamble"),
        ("Valentin Haüy", "valentin-hauy"),
        ("L'Écho", "l-echo"),
        ("#CampagneX", "campagnex"),
        ("  Alpha   Beta  ", "alpha-beta"),
    ],
)
def test_slugs_are_lowercase_ascii(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_name_without_letters_still_gets_a_stable_slug() -> None:
    assert slugify("🚀🚀") == slugify("🚀🚀")
    assert slugify("🚀🚀").startswith("x") and slugify("🚀🚀") != slugify("🌍")


def test_entity_iri_is_absolute_under_the_base() -> None:
    assert str(entity_iri("https://example.org/kg/", "alpha")) == "https://example.org/kg/entity/alpha"


def test_base_iri_gets_a_trailing_slash_and_must_be_absolute() -> None:
    assert check_base("https://example.org/kg") == "https://example.org/kg/"
    assert check_base("urn:x:") == "urn:x:/"
    with pytest.raises(ValueError):
        check_base("relative/path/")
    with pytest.raises(ValueError):
        check_base("https://example.org/a b/")
