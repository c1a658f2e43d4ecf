"""The catalogue of services and enrolments: staff manage regies, facilities, activities, periods and
units; families see what a child may be enrolled in and ask for it ("Inscription aux services").

By role: ``enums``, ``types`` (output types and their mappers), ``inputs`` (input types and their
conversion into the use cases' data), ``queries``, ``mutations`` (with their payloads)."""
