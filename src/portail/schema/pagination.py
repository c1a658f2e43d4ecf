"""The arguments every paginated list takes (``first`` and ``after``), described once."""

from __future__ import annotations

from typing import Annotated

import strawberry

PageSize = Annotated[int, strawberry.argument(description="Page size (1 to 100).")]
After = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]
