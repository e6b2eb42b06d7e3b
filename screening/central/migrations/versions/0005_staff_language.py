"""The console's language each staff account chose (NULL until one is chosen: the browser's
language, else Albanian, is used).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("language", sa.String(5), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+): copying the table would trip the foreign keys on it
    op.drop_column("staff", "language")
