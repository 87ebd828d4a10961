"""The parse stage: a dependency tree over every sentence (``Token.head``, ``Token.dep``).

The parser (``kronika.parse``) is trained by ``scripts/train_parser.py`` into ``kronika/models/<lang>-parser/`` and
loaded once per process. It reads each word through the language pack's ``syntax_attributes`` (form, lemma,
class, case from the morphology stage), so the stage itself knows no language. Heads are token indices of
the document; a sentence root has none. Work is linear in a sentence's length (two moves per word).
"""

from __future__ import annotations

import operator
from functools import cache
from pathlib import Path

from kronika import models
from kronika.errors import KronikaError
from kronika.parse.parser import Parser
from kronika.record import Document
from kronika.stages.morph import _tokens_by_sentence

REBUILD = models.rebuild_hint("python scripts/train_parser.py")
ATTRIBUTES_KEPT = 200_000  # distinct words whose parser attributes a stage keeps (about 40 MB)


def model_dir(lang: str) -> Path:
    return models.model_dir(f"{lang}-parser")


@cache
def load_parser(lang: str) -> Parser:
    folder = model_dir(lang)
    try:
        return Parser.load(folder)
    except (OSError, ValueError, KeyError) as err:
        raise KronikaError("E403", f"parser model in {folder} is missing or broken ({err}); {REBUILD}") from err


@cache
def attributes_read(lang: str) -> dict[tuple, tuple[str, str, str, str]]:
    """Per process, each distinct (text, lemma, tag) with what the parser reads of it: news repeats its words,
    and the same tuple back is what the parser's word types (``kronika.parse.wordtypes``) find fastest."""
    return {}


class ParseStage:
    name = "parse"
    requires = ("sentences", "tokens", "tokens.lemma", "tokens.tag")
    assigns = ("tokens.head", "tokens.dep")

    def __init__(self, language):
        self.language = language  # all it holds, so it pickles to worker processes unchanged

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        parser = load_parser(self.language.code)
        groups = _tokens_by_sentence(doc)
        if parser.types is not None:
            # Each distinct (text, lemma, tag) read and looked up once per process: the parser's word types
            # keep its type, so a word costs one dictionary search (``kronika.parse.wordtypes``).
            types = parser.types
            types.refresh()
            known, typed = types.keyed.get, self._typed
            parsed = parser.parse_types(
                [[known((t.text, t.lemma, t.tag)) or typed(types, t) for t in g] for g in groups]
            )
        else:
            known = attributes_read(self.language.code)
            if len(known) > ATTRIBUTES_KEPT:
                known.clear()
            read = self._read
            parsed = parser.parse_all([[known.get((t.text, t.lemma, t.tag)) or read(t) for t in g] for g in groups])
        for group, position, (heads, relations) in zip(groups, _positions(doc.tokens, groups), parsed):
            for token, head, relation in zip(group, heads, relations):
                token.head = position[head - 1] if head else None
                token.dep = relation
        return doc

    def _typed(self, types, token) -> int:
        key = (token.text, token.lemma, token.tag)
        found = types.keyed[key] = types.type_of(self.language.syntax_attributes(*key))
        return found

    def _read(self, token) -> tuple[str, str, str, str]:
        attributes = self.language.syntax_attributes(token.text, token.lemma, token.tag)
        attributes_read(self.language.code)[(token.text, token.lemma, token.tag)] = attributes
        return attributes


def _positions(tokens: list, groups: list[list]) -> list:
    """Per group, what gives its word k's index in ``tokens``: a range when the groups are consecutive slices
    of ``tokens`` (the tokens in text order, as a segmenter leaves them), else the index of each token."""
    flat = [t for group in groups for t in group]
    if len(flat) == len(tokens) and all(map(operator.is_, flat, tokens)):
        at, found = 0, []
        for group in groups:
            found.append(range(at, at + len(group)))
            at += len(group)
        return found
    position = {id(t): i for i, t in enumerate(tokens)}
    return [[position[id(t)] for t in group] for group in groups]
