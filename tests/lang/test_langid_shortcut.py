"""The sure-Polish shortcut before lingua: it claims Polish prose and nothing else, and lingua still answers
for everything it does not claim."""

from __future__ import annotations

import pytest

from kronika.lang.langid import detect_language

POLISH = (
    "Prezydent spotkał się we wtorek z premierem, a rozmowy dotyczyły przede wszystkim budżetu na "
    "przyszły rok. Jak podała kancelaria, obaj politycy zgodzili się, że to nie jest czas na spory, "
    "i zapowiedzieli kolejne spotkanie już w przyszłym tygodniu."
)
ENGLISH_WITH_POLISH_NAMES = (
    "The mayor of Łódź met the governor of Śląsk on Tuesday and said that the talks "
    "on the new railway to Gdańsk and Szczecin would go on in the spring, when the "
    "budget for the year is known."
)
CZECH = (
    "Prezident se v úterý setkal s premiérem a jednání se týkala především rozpočtu na příští rok. Oba "
    "politici se shodli, že to není čas na spory, a ohlásili další schůzku už příští týden."
)


@pytest.mark.parametrize(
    ("text", "surely_polish", "language"),
    [
        (POLISH, True, "pl"),
        # The letters, not the words. (lingua itself takes this sentence for Tagalog: not Polish is what matters.)
        (ENGLISH_WITH_POLISH_NAMES, False, "not pl"),
        (CZECH, False, "cs"),  # some of the words, not the letters
        ("Łódź, Gdańsk.", False, None),  # too short to tell by the shortcut; lingua decides
    ],
)
def test_shortcut_and_identifier(polish, text, surely_polish, language):
    assert polish.surely_written_in(text) is surely_polish
    if language == "not pl":
        assert detect_language(text) != "pl"
    elif language is not None:
        assert detect_language(text) == language
