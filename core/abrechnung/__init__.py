"""The monthly payroll run."""
