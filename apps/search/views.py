"""The search page behind the box in the top bar (GET, so a search can be bookmarked or shared)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from apps.search import selectors
from core.search import MAX_QUERY


@login_required
def search_page(request):
    query = request.GET.get("q", "")[:MAX_QUERY]
    results = selectors.run(request.user, query) if query.strip() else None
    return render(
        request,
        "search/results.html",
        {"query": query.strip(), "search_query": query.strip(), "results": results},
    )
