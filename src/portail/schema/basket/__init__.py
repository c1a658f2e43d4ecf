"""The basket ("Mon panier") and paying it online through PayFiP ("Valider et payer")."""
