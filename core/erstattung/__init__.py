"""U1/U2 refund claims: found in the finalised payroll months, computed at the Kassen's rates, tracked until paid.

The budget imports `erhaltene_erstattungen(db, von, bis) -> list[ErhalteneErstattung]` from here.
"""

from core.erstattung.dienst import ErhalteneErstattung, erhaltene_erstattungen

__all__ = ["ErhalteneErstattung", "erhaltene_erstattungen"]
