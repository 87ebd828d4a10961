"""Quotes: candidate stretches found by form (``candidates``), described for a learned decision (``features``),
attributed to a speaker (``speakers``), with the trained models (``model``) and the mention helpers shared with
the amount stage (``mentions``)."""
