"""Budget area: Kostenkalkulation (later Bewilligungen, Verwendungsnachweis)."""
