import pytest

from kronika.lang.langid import detect_language

CASES = [
    ("Donald Trump spotkał się w poniedziałek w Helsinkach z Władimirem Putinem.", "pl"),
    ("Donald Trump met Vladimir Putin in Helsinki on Monday.", "en"),
    ("Donald Trump und Wladimir Putin haben sich am Montag in Helsinki getroffen.", "de"),
    ("Donald Trump se v pátek v Anchorage na Aljašce setkal s Vladimirem Putinem.", "cs"),
    ("Палата общин британского парламента во вторник отклонила соглашение.", "ru"),
    ("Протягом ночі було 19 вторгнень у повітряний простір Польщі.", "uk"),
    ("432 / 202", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


# Over 120 characters. (The short sentence repeated three times reads as Lithuanian in either mode.)
LONG = (
    "Donald Trump met Vladimir Putin in Helsinki on Monday. The two leaders spoke for two hours about Syria, "
    "Ukraine and nuclear weapons, and said they would meet again."
)


@pytest.mark.parametrize(
    ("text", "expected", "short"),
    [
        (LONG, "en", False),  # an article's sample: lingua's low accuracy mode
        ("Donald Trump met Vladimir Putin in Helsinki on Monday.", "en", True),  # short: the high accuracy mode
    ],
)
def test_the_mode_follows_the_samples_length(text, expected, short):
    from kronika.lang.langid import SHORT_TEXT, _detector

    assert (len(text) < SHORT_TEXT) is short
    _detector.cache_clear()
    assert detect_language(text) == expected
    before = _detector.cache_info()
    _detector(short)  # the mode the text was given is the one already built
    assert (_detector.cache_info().hits, _detector.cache_info().currsize) == (before.hits + 1, 1)
