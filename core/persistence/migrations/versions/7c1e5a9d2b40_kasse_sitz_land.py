"""Krankenkasse: Bundesland ihres Sitzes (Bankarbeitstage der Beitragsfälligkeit)

Revision ID: 7c1e5a9d2b40
Revises: d3cc55123fd3
Create Date: 2026-12-03 07:35:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '7c1e5a9d2b40'
down_revision: str | Sequence[str] | None = 'd3cc55123fd3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('krankenkasse', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sitz_land', sa.String(length=20), server_default='', nullable=False))
    # The Minijob-Zentrale (Deutsche Rentenversicherung Knappschaft-Bahn-See) sits in Nordrhein-Westfalen.
    op.execute(
        sa.text("UPDATE krankenkasse SET sitz_land = :land WHERE ist_minijob_zentrale = :ja").bindparams(
            land='NW', ja=True
        )
    )


def downgrade() -> None:
    with op.batch_alter_table('krankenkasse', schema=None) as batch_op:
        batch_op.drop_column('sitz_land')
