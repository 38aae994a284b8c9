"""GUI of the reports to the authorities (issue 9): the start page's Fristen, later the Meldungen tab."""
