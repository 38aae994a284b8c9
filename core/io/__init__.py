"""Excel and PDF import/export."""
