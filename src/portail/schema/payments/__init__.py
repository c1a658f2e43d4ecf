"""Payments to the regies: their state, and where to send a payer (shared by the basket and invoices)."""
