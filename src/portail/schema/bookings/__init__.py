""" "Mon planning" in GraphQL: the month calendar, the day window, booking requests (preview and
submit), the history, and the staff queue, decisions, attendance lists and places taken.

By role: ``enums``, ``types`` (output types and their mapping from the use cases' views), ``inputs``
(input types and their conversion into plain data), ``queries`` (``BookingQueries``) and ``mutations``
(payloads and ``BookingMutations``)."""
