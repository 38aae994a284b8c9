"""Assistenzbüro core: domain, rules, payroll, persistence and I/O — importable without Qt."""

__version__ = "0.1.0"
