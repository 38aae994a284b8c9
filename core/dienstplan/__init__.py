"""Roster logic and its checks."""
