"""Year-versioned legal rule tables and pure rule functions."""
