"""Old functions against new ones in one process, article by article (a benchmark, never a test).

    .venv/bin/python bench/stage_ab.py --base DIR --swap kronika.stages.link:link_entities \
        --swap kronika.stages.link:Linker._alias_fits --stages entities,quotes+amounts [--limit 400]

On a shared machine two runs a minute apart differ by more than a stage's speed-up, so the two versions are timed
side by side: the functions named by ``--swap`` are compiled from the tree at ``--base`` (a ``git archive`` of the
commit before the change) into this tree's modules, where they find this tree's other functions, and each
article runs the named stages once with the old functions and once with the new, the order flipped every
article. The stages' inputs are what this tree's pipeline (with the parser) makes of the first ``--limit`` BSNLP
articles, copied afresh for every run; ``a+b`` times stages that run one after the other on the same copy (the
amount stage after the quote stage, as in the pipeline). Prints the CPU ms per article of each stage, old -> new.
A swapped function must keep its name and be a module's function or a class's method; a module's function
is swapped too wherever another module imported it by name (``from m import f``), and a package's function is
read from its ``__init__.py``.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.blas import one_thread_each  # noqa: E402
from kronika.collector import fewer_collections  # noqa: E402

one_thread_each()
fewer_collections()

from bench.throughput import read_bsnlp  # noqa: E402
from kronika.core import load_pipeline  # noqa: E402
from kronika.record import Document  # noqa: E402


def old_function(base: Path, target: str):
    """(owner, attribute, the base tree's function) for ``module:function`` or ``module:Class.method``."""
    module_name, _, qualified = target.partition(":")
    module = importlib.import_module(module_name)
    tree = ast.parse((base / Path(module.__file__).resolve().relative_to(ROOT)).read_text(encoding="utf-8"))
    owner, body, name = module, tree.body, qualified
    if "." in qualified:
        class_name, name = qualified.split(".")
        owner = getattr(module, class_name)
        body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name).body
    node = next(n for n in body if isinstance(n, ast.FunctionDef) and n.name == name)
    # Compiled in the module's own namespace, so it calls what the module holds when it runs; the new
    # function goes back in its place at once. Names the old module imported and the new one no longer does
    # are added (from this tree's modules).
    namespace = module.__dict__
    imported: dict = {}
    imports = [
        n
        for n in tree.body
        if isinstance(n, ast.Import) or (isinstance(n, ast.ImportFrom) and n.module != "__future__")
    ]
    exec(compile(ast.Module(imports, []), f"{base}/{module_name}", "exec"), imported)
    for key, value in imported.items():
        namespace.setdefault(key, value)
    kept = namespace.get(name)
    exec(compile(ast.Module([node], []), f"{base}/{module_name}", "exec"), namespace)
    old = namespace[name]
    if kept is None:
        del namespace[name]
    else:
        namespace[name] = kept
    return owner, name, old


def holders(owner, name: str, function) -> list[tuple[object, str]]:
    """Where ``function`` is reachable by attribute: its owner, and for a module's function every loaded module
    of the project that imported it by name (a stage calling ``f`` it imported would otherwise keep the new one
    on both sides)."""
    found = [(owner, name)]
    if isinstance(owner, type):
        return found
    for module in list(sys.modules.values()):
        if module is owner or not getattr(module, "__name__", "").startswith("kronika"):
            continue
        found += [(module, key) for key, value in vars(module).items() if value is function]
    return found


def stage_inputs(pipeline, docs: list[Document], first: set[str]) -> dict[str, list[bytes]]:
    """Each named stage's input document, pickled, for every article."""
    inputs: dict[str, list[bytes]] = {name: [] for name in first}
    for original in docs:
        doc = Document(text=original.text, date=original.date, title=original.title)
        for stage in pipeline.stages:
            if stage.name in first:
                inputs[stage.name].append(pickle.dumps(doc))
            doc = stage(doc)
    return inputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the tree before the change")
    parser.add_argument("--swap", action="append", default=[], help="module:function or module:Class.method")
    parser.add_argument("--stages", default="entities,quotes+amounts")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args()

    groups = [group.split("+") for group in args.stages.split(",")]
    pipeline = load_pipeline(parse=True)
    stages = {stage.name: stage for stage in pipeline.stages}
    morphology = pipeline.stages[0].language.morphology()
    inputs = stage_inputs(pipeline, read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit), {g[0] for g in groups})
    swaps = [
        (holder, key, old, new)
        for owner, name, old in (old_function(args.base, s) for s in args.swap)
        for new in (getattr(owner, name),)
        for holder, key in holders(owner, name, new)
    ]
    spent = {(old, name): 0.0 for old in (True, False) for group in groups for name in group}
    for k in range(len(inputs[groups[0][0]])):
        for group in groups:
            for old in (True, False) if k % 2 == 0 else (False, True):
                for owner, name, before, after in swaps:
                    setattr(owner, name, before if old else after)
                doc = pickle.loads(inputs[group[0]][k])
                for token in doc.tokens:
                    morphology.analyse(token.text)  # as the morphology stage leaves it in the pipeline
                for name in group:
                    start = time.process_time()
                    doc = stages[name](doc)
                    spent[(old, name)] += time.process_time() - start
    n = len(inputs[groups[0][0]])
    for group in groups:
        for name in group:
            print(f"{name}: {1000 * spent[(True, name)] / n:.2f} -> {1000 * spent[(False, name)] / n:.2f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
