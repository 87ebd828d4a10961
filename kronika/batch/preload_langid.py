"""Imported by the forkserver of ``kronika.batch.pool`` when articles' languages are identified (``--lang auto``,
the default): loads the language identifier's models once for every worker forked from the server.

Each worker used to load them itself (``load_worker`` warms the identifier): 3 s of CPU each at a load of 10
on two cores, where one process (``ingest --jobs 1``) loads them once, on the first article no language pack
recognises (55 of the 1,098 BSNLP articles). ``load_worker`` still warms it, with the same text
(``warm_identifier``): instant in a worker forked from this server. Importing this module is the load; its
objects then leave the garbage collector's reach (``kronika.batch.pool.preload``).
"""

from __future__ import annotations

from kronika.batch.pool import preload, warm_identifier

preload(warm_identifier, "language identifier")
