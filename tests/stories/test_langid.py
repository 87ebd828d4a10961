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
