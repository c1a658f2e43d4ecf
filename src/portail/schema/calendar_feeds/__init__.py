"""The calendar feed domain: the household's planning as a private, revocable iCalendar link."""
