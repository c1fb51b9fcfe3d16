"""Query-count checks shared by the page tests."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_with_more_data(client, url: str, add) -> tuple[str, int, int]:
    """A page's queries with a little data and with ten times more (``add(n)`` adds n of the rows
    the page lists): (the page read last, queries before, queries after). Equal counts mean the page
    reads a list in a bounded number of queries, not one per row."""
    add(2)
    client.get(url)  # caches warmed: only the page's own reads are counted
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(20)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    return body, len(few), len(many)
