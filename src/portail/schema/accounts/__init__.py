"""The accounts domain of the schema: sign-in, passwords, "Mon profil", staff opening a family's account."""
