"""The town's rules as pure functions: no I/O, no database, tested without either."""
