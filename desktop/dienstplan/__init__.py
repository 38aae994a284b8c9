"""The Dienstplan area: month grid, per-assistant view, timesheet, dialogs, undo (issue 4)."""
