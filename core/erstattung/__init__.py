"""U1/U2 refund claims."""
