"""A small GraphQL client for tests, over a real HTTP connection."""

from __future__ import annotations

from typing import Any

import httpx


class GraphQLClient:
    """Posts GraphQL documents as JSON; keeps the cookies of its HTTP client."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def raw(self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        return await self.http.post("/graphql", json={"query": query, "variables": variables or {}}, **kwargs)

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """The whole answer (``data`` and ``errors``)."""
        response = await self.raw(query, variables, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    async def data(self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """``data``, asserting that there was no top-level error."""
        body = await self(query, variables, **kwargs)
        assert "errors" not in body, body
        return body["data"]
