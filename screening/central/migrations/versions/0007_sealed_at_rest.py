"""Victims' data sealed at rest: every interview record, raw batch and audit entry already
held is sealed with the data key (screening/central/atrest.py); the repeat-victim matching keys
held in clear are dropped, to be made again as keyed digests when central opens.

Going back down opens every value again (the data key is needed both ways).

Revision ID: 0007
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from screening.central import atrest

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _ring() -> atrest.DataKeys | None:
    ring = context.config.attributes.get("data_keys")
    if ring is None and atrest.holds_values(op.get_bind()):
        raise atrest.DataKeyError("central's data key is needed to seal the data already "
                                  "held (open central with its key file)")
    return ring


def upgrade() -> None:
    ring = _ring()
    if ring is not None:
        atrest.reseal_all(op.get_bind(), ring, ring)
    op.execute(sa.text("DELETE FROM match_keys"))


def downgrade() -> None:
    atrest.reseal_all(op.get_bind(), _ring(), None)
    op.execute(sa.text("DELETE FROM match_keys"))
