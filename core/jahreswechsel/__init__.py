"""Change of year: import a new year's PAP and figures into the user's data folder, the Kassen and the checklist."""
