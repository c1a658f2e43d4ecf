"""The registration domain of the schema: a family creates its own account ("Créer un compte") behind an
ALTCHA proof of work; staff approve the household that waits, or merge it into the one the town knows."""
