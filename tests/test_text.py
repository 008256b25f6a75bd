"""The normaliser, the sentence splitter and word tokens, on the text real users paste."""

from __future__ import annotations

import unicodedata

import pytest

from readouts.errors import InputError
from readouts.text import fold, make_readout, normalize, split_sentences, words


def sentences(text: str) -> list[str]:
    return [s.text for s in make_readout(text, label="A").sentences]


# ------------------------------------------------------------------ normalize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "One.\r\nTwo.\rThree.\u2028Four.\x85Five.\x0bSix.\x0cSeven.",
            "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nSeven.",
        ),
        ("Nikol\u00a0Pashinyan\u202fand\u2009Putin\u3000met.", "Nikol Pashinyan and Putin met."),
        ("Kara\u00adbakh\u200b corri\u2060dor\ufeff.", "Karabakh corridor."),
        ("\u202eevil\u202c \u2066isolated\u2069 \u200eLRM\u200f.", "evil isolated LRM."),
        ("tag\U000e0041\U000e0042 smuggling.", "tag smuggling."),
        (
            "family 👨\u200d👩\u200d👧 and ZWNJ می\u200cخواهم",
            "family 👨\u200d👩\u200d👧 and ZWNJ می\u200cخواهم",
        ),
        (
            "\x1b[1;31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b]0;title\x1b\\ok",
            "red link ok",
        ),
        ("bell\x07 nul\x00 del\x7f c1\x9b31m csi \x1bc reset", "bell nul del c1 csi reset"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("Cafe\u0301 и\u0306", "Café й"),
        ("«Кавычки» “curly” ‘single’ – dash", "«Кавычки» “curly” ‘single’ – dash"),
        ("\n\n  Leading blank lines.\nSecond line.\n\n\n", "Leading blank lines.\n\nSecond line."),
        ("Wrapped\nline one.\n\nWrapped\nline two.", "Wrapped line one.\n\nWrapped line two."),
        ("Tab\tand\x1funit separator", "Tab and unit separator"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean
    assert normalize(clean) == clean


def test_a_final_newline_does_not_make_a_text_hard_wrapped() -> None:
    assert normalize("Headline\nFirst sentence.\n") == "Headline\n\nFirst sentence."


def test_normalize_is_nfc_after_removals() -> None:
    # A combining mark separated from its letter by an invisible character is composed.
    assert normalize("e\u200b\u0301") == "é" == unicodedata.normalize("NFC", normalize("e\u0301"))


# ------------------------------------------------------------------ split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Putin met Dr. Smith. They spoke.", ["Mr. Putin met Dr. Smith.", "They spoke."]),
        ("V. Putin and N. V. Pashinyan spoke.", ["V. Putin and N. V. Pashinyan spoke."]),
        ("In the U.S. The talks went on.", ["In the U.S.", "The talks went on."]),
        ("U.S. officials came. Then left.", ["U.S. officials came.", "Then left."]),
        ("1. The sides agreed. 2. They met.", ["1. The sides agreed.", "2. They met."]),
        ("Trade grew by 2.5 percent. Next.", ["Trade grew by 2.5 percent.", "Next."]),
        ("He said: “We agree.” Then left.", ["He said: “We agree.”", "Then left."]),
        ("Really?! Yes… Done.", ["Really?!", "Yes…", "Done."]),
        (
            "В.В. Путин провёл разговор. Обсуждались вопросы.",
            ["В.В. Путин провёл разговор.", "Обсуждались вопросы."],
        ),
        (
            "Разговор состоялся 31 янв. 2023 г. в Москве.",
            ["Разговор состоялся 31 янв. 2023 г. в Москве."],
        ),
        ("Հանդիպում։ Քննարկվեց։", ["Հանդիպում։", "Քննարկվեց։"]),
        ("王毅表示。双方同意！", ["王毅表示。", "双方同意！"]),
        ("هل ناقشوا الممر؟ نعم.", ["هل ناقشوا الممر؟", "نعم."]),
        ("वार्ता हुई। अगला वाक्य।", ["वार्ता हुई।", "अगला वाक्य।"]),
        ("Talks went well 👍🏽. 🇷🇺 Putin spoke.", ["Talks went well 👍🏽.", "🇷🇺 Putin spoke."]),
        ("Putin spoke with Pashinyan", ["Putin spoke with Pashinyan"]),
        (
            "Am 24. und 25. Juni kommt ein 18. Sanktionspaket. Es sind 12. Dann Schluss.",
            ["Am 24. und 25. Juni kommt ein 18. Sanktionspaket.", "Es sind 12.", "Dann Schluss."],
        ),
        ("Trade rose to 15. The talks went on.", ["Trade rose to 15.", "The talks went on."]),
        ("...", ["..."]),
        ("Путин and 习近平 discussed Լաչին. Next.", ["Путин and 习近平 discussed Լաչին.", "Next."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_never_share_a_sentence() -> None:
    readout = make_readout("Headline without a stop\n\nFirst sentence. Second", label="A")
    assert [(s.text, s.paragraph) for s in readout.sentences] == [
        ("Headline without a stop", 0),
        ("First sentence.", 1),
        ("Second", 1),
    ]


def test_awkward_lengths() -> None:
    huge = "word " * 40_000 + "end."
    assert sentences(huge) == [huge.strip()]
    tiny = " ".join(f"Point {i}." for i in range(10_000))
    assert len(sentences(tiny)) == 10_000
    assert sentences("." * 100_000) == ["." * 100_000]
    assert len(sentences("A. " * 5_000)) == 1  # initials all the way
    assert len(sentences("Ok. " * 5_000)) == 5_000


def test_spans_point_into_the_text() -> None:
    text = normalize("One.  Two!\n\nThree? Four")
    for start, end, _ in split_sentences(text):
        assert text[start:end] == text[start:end].strip()
    assert [text[s:e] for s, e, _ in split_sentences(text)] == ["One.", "Two!", "Three?", "Four"]


def test_empty_readout_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^yerevan\.txt: the readout is empty"):
        make_readout(" \u200b\n\t", label="Yerevan", source="yerevan.txt")
    with pytest.raises(InputError, match=r"is bytes, not text: pass a str"):
        make_readout(b"Putin", label="A")  # type: ignore[arg-type]


# ------------------------------------------------------------------ tokens


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Azerbaijan’s", "azerbaijan"),
        ("Azerbaijanʼs", "azerbaijan"),
        ("Azerbaijan‘s", "azerbaijan"),
        ("Azerbaijan's", "azerbaijan"),
        ("NAGORNO‑KARABAKH", "nagorno-karabakh"),
    ],
)
def test_fold_unifies_apostrophes_and_hyphens(word: str, key: str) -> None:
    assert fold(word) == key


def test_quotes_and_invisible_characters_do_not_break_words() -> None:
    messy = normalize("«Lachin» “corri\u00addor” Azerbaijan\u2019s\u00a0blockade")
    assert [w.key for w in words(messy)] == ["lachin", "corridor", "azerbaijan", "blockade"]
