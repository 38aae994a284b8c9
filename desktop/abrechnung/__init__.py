"""The Abrechnung area: the monthly payroll (Monatsabrechnung) and, beside it, further tabs of other lanes."""
