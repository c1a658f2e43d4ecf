"""The use cases, one module per domain. No Strawberry here: plain inputs, the request context,
ownership checks and the rules; errors the user can fix are raised as ``UserErrors``."""
