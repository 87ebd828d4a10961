"""Run the two perceptrons over a sentence: moves until the buffer is empty, then a relation per arc.

Two ways to the same output. A model whose weights are float16 values (every saved model) runs the exact,
cheaper decoders of ``kronika.parse.greedy`` and ``kronika.parse.labeler``; any other (the averaged
weights the training script scores between epochs) runs the reference: feature strings per decision and
float32 rows summed by numpy. The loaded move model is kept only in its packed form, prebuilt once per
model file (``kronika.prebuilt``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kronika import prebuilt
from kronika.parse import compiled, exact, jit
from kronika.parse.compiled import CompiledMoves
from kronika.parse.features import Words, move_features, relation_features
from kronika.parse.greedy import ExactMoves
from kronika.parse.labeler import ROOT_RELATION, ExactRelations, children_of, keyed
from kronika.parse.perceptron import Perceptron
from kronika.parse.system import State
from kronika.parse.wordtypes import WordTypes

__all__ = ["ROOT_RELATION", "Parser"]


class Parser:
    def __init__(
        self,
        moves: Perceptron | ExactMoves | CompiledMoves,
        relations: Perceptron,
        keyed_relations: tuple | None = None,
    ):
        self.moves = moves
        self.relations = relations
        self.exact_moves = moves if isinstance(moves, (ExactMoves, CompiledMoves)) else _exact_moves(moves)
        # The compiled relation loop goes with the compiled moves (both need numba).
        kernel = moves.kernel if isinstance(moves, CompiledMoves) else None
        self.exact_relations = (
            ExactRelations(relations, keyed_relations, kernel) if exact.is_float16(relations.weights) else None
        )
        self.types = None
        if kernel is not None and self.exact_relations is not None:
            self.types = WordTypes(self.exact_moves.word_tables() + self.exact_relations.word_tables())

    @classmethod
    def load(cls, folder: Path) -> Parser:
        # Keyed by the model's files and this package's code, which derives the packed form.
        code = prebuilt.source_files(Path(__file__).parent, pattern="*.py")
        files = [folder / "moves.json", folder / "moves.npy", *code]
        kernel = jit.kernel()
        if kernel is not None:
            value = prebuilt.load(f"parser-{folder.name}-compiled", files, lambda: _compiled(folder / "moves", kernel))
            moves: ExactMoves | CompiledMoves = CompiledMoves(value, kernel)
        else:
            moves = ExactMoves(*prebuilt.load(f"parser-{folder.name}-moves", files, lambda: _packed(folder / "moves")))
        relations = Perceptron.load(folder / "relations")
        files = [folder / "relations.json", folder / "relations.npy", *code]
        return cls(
            moves,
            relations,
            prebuilt.load(f"parser-{folder.name}-relations", files, lambda: keyed(relations)),
        )

    def parse(self, attributes: list[tuple[str, str, str, str]]) -> tuple[list[int], list[str]]:
        """Heads (1-based positions, 0 for a root) and relations for the words of one sentence."""
        words = Words.of(attributes)
        heads = self.heads(words, len(attributes))
        return heads, self.label(words, heads)

    def parse_all(self, sentences: list[list[tuple[str, str, str, str]]]) -> list[tuple[list[int], list[str]]]:
        """``parse`` of each sentence; the relations of all of them are scored together."""
        if self.types is not None:
            return self._parse_compiled(sentences)
        words = [Words.of(attributes) for attributes in sentences]
        heads = [self.heads(w, len(attributes)) for w, attributes in zip(words, sentences)]
        if self.exact_relations is None:
            return [(h, self.label(w, h)) for w, h in zip(words, heads)]
        return list(zip(heads, self.exact_relations.label_all(list(zip(words, heads)))))

    def _parse_compiled(self, sentences: list[list[tuple[str, str, str, str]]]) -> list[tuple[list[int], list[str]]]:
        """Both models' loops compiled: each word looked up once as a type, one call per model and document."""
        columns, offsets = self.types.document(sentences)
        return self._parse_columns(columns, offsets, sentences)

    def parse_types(self, rows: list[list[int]]) -> list[tuple[list[int], list[str]]]:
        """``parse_all`` of sentences given as word types of ``self.types`` (compiled parsers only): a caller
        that keeps its own words' types (the parse stage) skips looking each word up again."""
        columns, offsets = self.types.columns(rows)
        return self._parse_columns(columns, offsets, _Words(rows, self.types.words))

    def _parse_columns(self, columns: np.ndarray, offsets: np.ndarray, sentences) -> list[tuple[list[int], list[str]]]:
        moves = len(self.exact_moves.word_tables())
        heads = self.exact_moves.decode(columns[:moves], offsets, sentences)
        labels = self.exact_relations.label_columns(columns[moves:], offsets, heads, sentences)
        found = np.maximum(heads, 0).tolist()  # a word left without a head hangs from the root
        return [
            (found[start + 1 : start + 1 + len(relations)], relations)
            for start, relations in zip(offsets.tolist(), labels)
        ]

    def heads(self, words: Words, n: int) -> list[int]:
        if self.exact_moves is not None:
            return self.exact_moves.heads(words, n)
        state = State(n)
        while not state.done:
            scores = self.moves.scores(move_features(state, words))
            legal = state.legal()
            state.apply(int(np.where(legal, scores, -np.inf).argmax()))
        return state.finish()

    def label(self, words: Words, heads: list[int]) -> list[str]:
        if self.exact_relations is not None:
            return self.exact_relations.label(words, heads)
        children = children_of(heads)
        labels = []
        for dependent, head in enumerate(heads, start=1):
            if head == 0:
                labels.append(ROOT_RELATION)
                continue
            scores = self.relations.scores(relation_features(words, head, dependent, children))
            labels.append(self.relations.classes[int(scores.argmax())])
        return labels


def _exact_moves(model: Perceptron) -> ExactMoves | None:
    return ExactMoves.of(model.classes, _table(model)) if exact.is_float16(model.weights) else None


def _table(model: Perceptron) -> dict[str, int]:
    ordered = sorted(model.features, key=model.features.get)
    return dict(zip(ordered, exact.packed_rows(model.weights)))


def _compiled(path: Path, kernel) -> tuple:
    """A saved move model in the form of ``CompiledMoves``, in marshal's types."""
    model = Perceptron.load(path)
    if not exact.is_float16(model.weights):
        raise ValueError(f"{path}.npy: weights are not float16 values, as every saved model's are")
    return compiled.compact(model, kernel)


def _packed(path: Path) -> tuple:
    """A saved move model in the compact form of ``ExactMoves``, in marshal's types."""
    model = Perceptron.load(path)
    if not exact.is_float16(model.weights):
        raise ValueError(f"{path}.npy: weights are not float16 values, as every saved model's are")
    return ExactMoves.of(model.classes, _table(model)).compact()


class _Words:
    """The words of sentences given as types, made only for the sentences a close call reads (few)."""

    def __init__(self, rows: list[list[int]], words: list):
        self.rows, self.words = rows, words

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, s: int) -> list[tuple[str, str, str, str]]:
        return [self.words[t] for t in self.rows[s]]
