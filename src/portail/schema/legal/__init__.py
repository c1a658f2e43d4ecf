"""The pages the law requires (legal notices, accessibility statement, privacy notice): read by anyone,
written by staff."""
