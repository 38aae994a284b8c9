"""Test-wide setup: Qt runs offscreen, German locale for Qt, no test touches the user's real data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")
