"""Assistenzbüro core: domain, rules, payroll, persistence and I/O — importable without Qt."""

from __future__ import annotations


def programmversion() -> str:
    """The version of the installed package; pyproject.toml is its only source (also inside the installer bundle,
    whose spec copies the package metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("assistenzbuero")
    except PackageNotFoundError:  # a source tree that was never installed
        return "unbekannt"
