"""The trained models that ship inside the package: one folder per model, named ``<lang>-<task>``
(``pl-ner-crf``, ``pl-parser``, ``pl-name-guesser``, ``pl-events``, ``pl-quotes``, ``pl-entity-filter``), each with
its weights, a ``meta.json`` sidecar (how it was trained and measured, the command that rebuilds it) and its ``LICENSE``.

Folders are found through ``importlib.resources``, so the same call works in a checkout, an editable install
and a wheel installed anywhere; the training scripts in ``scripts/`` write into these folders too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kronika.errors import KronikaError


def model_dir(name: str) -> Path:
    """The folder of the model ``name`` (``"pl-parser"``) inside the installed package.

    Loaders hand real paths to CRFsuite and numpy, so a package imported from a zip archive, whose files have
    no path, is refused with a clear error rather than extracted behind the caller's back."""
    folder = resources.files(__name__).joinpath(name)
    if not isinstance(folder, Path):
        raise KronikaError(
            "E403",
            f"model {name} is inside an archive ({folder}); kronika's models need an "
            "installation on disk: pip install kronika",
        )
    return folder


def rebuild_hint(command: str) -> str:
    """What to do about a missing or broken file that ships in the package: an installed wheel is repaired by
    installing it again; a source checkout rebuilds the file with ``command`` (run from the checkout, in its
    environment). Naming only the script would send a wheel's user to a ``scripts/`` folder they do not have."""
    return (
        f"reinstall kronika (pip install --force-reinstall kronika), or in a source checkout rebuild it with "
        f"`{command}`"
    )
