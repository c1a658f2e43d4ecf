"""The households domain of the schema: the records' output types ("Mon foyer", "Mes enfants"), read by
accounts (the viewer's household) and records (their queries and mutations); its enums, also read by
catalogue and bookings."""
