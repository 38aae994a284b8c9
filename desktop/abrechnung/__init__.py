"""The Abrechnung area: the Monatsabrechnung tab, further tabs of other lanes (REITER in bereich.py), and the dialogs
for what the run needs besides the Dienstplan (eingaben.py)."""
