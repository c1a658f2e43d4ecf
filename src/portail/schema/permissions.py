"""Who may call what: declared on fields and mutations, refused as top-level errors."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from portail.schema.context import Info


class IsAuthenticated(BasePermission):
    """Any signed-in account."""

    message = "Vous devez être connecté."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.app.viewer is not None


class IsFamily(BasePermission):
    """A family guardian's account."""

    message = "Réservé aux comptes famille."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.app.viewer
        return viewer is not None and viewer.is_family


class IsStaff(BasePermission):
    """Town staff (agents and administrators); list it after ``IsAuthenticated``."""

    message = "Réservé au personnel de la mairie."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.app.viewer
        return viewer is not None and viewer.is_staff


# Typed as Strawberry's `permission_classes` is (a list is invariant: [IsAuthenticated] alone would not fit).
SIGNED_IN: list[type[BasePermission]] = [IsAuthenticated]
FAMILY: list[type[BasePermission]] = [IsAuthenticated, IsFamily]
STAFF: list[type[BasePermission]] = [IsAuthenticated, IsStaff]
