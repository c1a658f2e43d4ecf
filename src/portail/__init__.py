"""Portail Familles: the GraphQL API server behind a town's family portal."""

__version__ = "0.1.0"
