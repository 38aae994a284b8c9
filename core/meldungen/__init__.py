"""Reports to the authorities (Beitragsnachweis, Haushaltsscheck, Lohnsteuer-Anmeldung, DEÜV) and their due dates.

Every figure comes from the finalised payroll (`core.abrechnung.ablage`); nothing here computes a contribution or a
tax. The documents are prepared to be typed into the official portals (SV-Meldeportal, Mein ELSTER) field by field:
electronic transmission needs certified software and is out of scope.
"""
