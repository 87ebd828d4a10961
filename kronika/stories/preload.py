"""Imported by the forkserver of ``kronika ingest --jobs N`` (``StoryAssigner.preload``): loads the story
encoder once, so the workers forked from the server make the records' story features without loading it
each (about 1.5 s of CPU and 150 MiB, shared by every worker).

Importing this module is the load; its objects then leave the garbage collector's reach
(``kronika.batch.pool.preload``), as ``kronika.batch.preload``'s pipelines do.
"""

from __future__ import annotations

from kronika.batch.pool import preload


def _preload() -> None:
    from kronika.stories.encoder import embed

    embed(["warm-up"])


preload(_preload, "story encoder")
