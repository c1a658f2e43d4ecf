"""Staff exports: attendance lists, meal counts, bookings, enrolments and accounting entries, as pages
and as CSV files through signed links."""
