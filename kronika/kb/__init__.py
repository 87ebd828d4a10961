"""Knowledge base of the actors of world news: states, places, organisations and office-holders.

``load_kb()`` returns the committed KB (built by ``scripts/build_kb.py``); see ``base.KnowledgeBase`` for
``get``, ``lookup``, ``holder``, ``offices_on`` and ``actor_code``.
"""

from kronika.kb.base import KnowledgeBase, alias_key, load_kb, loose_key
from kronika.kb.model import Entry, Office

__all__ = ["Entry", "KnowledgeBase", "Office", "alias_key", "load_kb", "loose_key"]
