import pytest

from kronika.stories.aliases import fold, load_matcher, name_keys

CASES = [
    ("Donald Trump met Vladimir Putin in Helsinki.", {"Donald Trump", "Vladimir Putin", "Helsinki"}),
    ("Встреча Путина и Трампа в Хельсинки.", {"Vladimir Putin", "Helsinki"}),  # Cyrillic, inflected
    ("Prezidenti Putina a Trumpa přivítal Sauli Niinistö.", {"Vladimir Putin", "Donald Trump", "Sauli Niinistö"}),
    ("Die NATO tagte in Helsinki.", {"NATO", "Helsinki"}),
    ("In May the nato summit was held.", set()),  # a month is no Theresa May; an acronym needs capitals
]


@pytest.mark.parametrize("text, names", CASES)
def test_alias_matching(text, names):
    entities = load_matcher().find(text)
    assert {e.name for e in entities} == names
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("a, b", [("Brexit", "Брекзит"), ("Navalny", "Nawalny"), ("Theresa", "Тереза")])
def test_fold_meets_spellings(a, b):
    assert fold(a)[:5] == fold(b)[:5]


def test_name_keys_skip_sentence_starts_and_known_names():
    text = "Yesterday Navalny returned. Moscow police detained him."
    keys = name_keys(text, load_matcher().find(text))
    assert fold("Navalny")[:5] in keys
    assert fold("Yesterday")[:5] not in keys  # the first word of the text
    assert fold("Moscow")[:5] not in keys  # a known entity gives its own key
