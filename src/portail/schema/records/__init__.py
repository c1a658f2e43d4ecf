"""The records domain of the schema: queries and mutations of "Mon foyer" and "Mes enfants", one section
at a time, staff reviews, and the town's rules (the output types live in ``schema.households``)."""
