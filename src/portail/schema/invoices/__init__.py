"""Invoices ("Mes factures"): the household's invoices and credit notes, paying them online, and the
staff's monthly invoicing run."""
