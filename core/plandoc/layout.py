"""Table reconstruction for text where a table arrives broken into one fragment per line.

Text extracted from PDF (seed 003) prints each cell fragment of an annex table on its own line,
mixed with page numbers, wrapped years and link lines. ``rebuild_fragment_tables`` turns such runs
of paragraphs back into ``Table`` blocks so extraction can read every document's annex the same
way. This module is owned by the layout work; until it lands the function leaves the document as
it is, which keeps the reading pipeline whole (extraction then simply finds no table there).
"""

from __future__ import annotations

from core.plandoc.document import Document


def rebuild_fragment_tables(doc: Document) -> Document:
    """Return ``doc`` with fragment-per-line tables rebuilt into ``Table`` blocks (stub: unchanged)."""
    return doc
