"""The Abrechnung area: the monthly payroll page and the dialogs for what the run needs besides the Dienstplan."""
