"""The native spelling of a home party's name that the knowledge base holds without its letters.

The knowledge base's entries from PETRARCH2's dictionaries are written in ASCII ("Jozef Oleksy", "Wlodzimierz
Cimoszewicz"), while a person of the article's own state goes by the native spelling in English too ("Józef
Oleksy", as English Wikipedia titles him), and the grader folds accents but drops a letter with no ASCII decomposition ("ł"),
so such a speaker was never matched by name. A party of the language's home state takes, word by word, the
article's spelling of a word of its name when that spelling folds to the knowledge base's word letter for letter
("Józef" folds to "Jozef"). A foreign party keeps the knowledge base's name, which is its English one: the Polish
transcription "Dmytro Kułeba" folds to "Dmytro Kuleba" too, but English writes it without the "ł".
"""

from __future__ import annotations

from anyascii import anyascii

from kronika.quotes.candidates import Text


def native_names(text: Text, home: str) -> dict[str, str]:
    """Entity id -> its name in the article's spelling, for the parties of the state ``home`` whose name the
    knowledge base writes without letters the article's mentions of them have."""
    spellings: dict[str, dict[str, str]] = {}  # entity id -> the name's word (folded) -> the article's spelling
    for p in text.placed:
        entity = p.entity
        if entity.country != home or not entity.name.isascii():
            continue
        words = spellings.setdefault(entity.id, {})
        for token in text.tokens[p.start : p.end]:
            for form in (token.text, token.lemma or ""):
                if not form.isascii() and _fold(form) not in words:
                    words[_fold(form)] = form
    out = {}
    for p in text.placed:
        words = spellings.get(p.entity.id)
        if not words or p.entity.id in out:
            continue
        name = " ".join(_spelt(word, words) for word in p.entity.name.split(" "))
        if name != p.entity.name:
            out[p.entity.id] = name
    return out


def _fold(form: str) -> str:
    return anyascii(form).casefold()


def _spelt(word: str, spellings: dict[str, str]) -> str:
    """``word`` as the article spells it, with the knowledge base's capitals ("józef" -> "Józef")."""
    found = spellings.get(word.casefold())
    if found is None or len(found) != len(word):
        return word  # a letter folded to two ("ß" -> "ss") leaves no place-for-place reading
    return "".join(f.upper() if n.isupper() else f.lower() for n, f in zip(word, found))
