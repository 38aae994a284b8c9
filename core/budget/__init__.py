"""Kostenkalkulation, Bewilligungen, Verwendungsnachweis."""
