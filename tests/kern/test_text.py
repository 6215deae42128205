"""The one normalisation of user text (kern.text)."""

import sys
import unicodedata

import pytest

from kern import text


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        pytest.param("AZC \u202eNoord", "AZC Noord", id="right-to-left-override"),
        pytest.param("AZC\u200b Noord", "AZC Noord", id="zero-width-space"),
        pytest.param("\ufeffAZC Noord", "AZC Noord", id="byte-order-mark"),
        pytest.param("AZC No\u00adord", "AZC Noord", id="soft-hyphen"),
        pytest.param("AZC\u2060Noord", "AZCNoord", id="word-joiner"),
        pytest.param("\u2066AZC\u2069 Noord", "AZC Noord", id="bidi-isolates"),
        pytest.param("AZC\u00a0\u00a0Noord", "AZC Noord", id="no-break-spaces"),
        pytest.param("  AZC \t\n Noord  ", "AZC Noord", id="tabs-and-newlines"),
        pytest.param("Caf\u0065\u0301", "Caf\u00e9", id="nfc"),
        pytest.param("AZC\u3000Noord\u2028", "AZC Noord", id="ideographic-and-line-separator"),
    ],
)
def test_a_name_is_normalised_to_what_it_looks_like(invoer, verwacht):
    assert text.normalize(invoer) == verwacht


def test_multiline_text_keeps_its_line_breaks_and_collapses_spaces_per_line():
    invoer = "Eerste\u00a0 regel \r\n\r\n\ttweede\u200b regel\rderde\u2028vierde  "
    assert text.normalize(invoer, multiline=True) == "Eerste regel\n\ntweede regel\nderde\nvierde"


@pytest.mark.parametrize("teken", ["\x07", "\x1b", "\x00", "\x1c", "\x7f", "\x85", "\x9b"])
def test_control_characters_remain_to_be_refused(teken):
    genormaliseerd = text.normalize(f"AZC{teken}Noord")
    assert text.control_characters(genormaliseerd) == [teken]


def test_a_newline_is_no_control_character_in_multiline_text():
    assert text.control_characters("a\nb", multiline=True) == []
    assert text.control_characters("a\nb") == ["\n"]


def test_stored_text_loses_its_control_characters():
    assert text.without_control_characters("AZC\x07Noord\x1b") == "AZC Noord"
    assert text.without_control_characters("a\x07\nb", multiline=True) == "a\nb"


def test_comparable_ignores_case_and_invisible_differences():
    assert text.comparable("AZC\u200b NOORD") == text.comparable("azc noord")


def test_the_list_of_separators_is_every_separator_of_this_unicode_version():
    separators = {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp")
    }
    assert separators <= set(text._SPATIES)
