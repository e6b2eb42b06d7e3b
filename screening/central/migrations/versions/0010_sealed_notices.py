"""Advance notices sealed at rest like the interviews (0007): each notice's given and family
name, date of birth, travel and note move into one sealed ``person`` column
(screening/central/atrest.py), and its name key becomes a keyed digest, the one match_keys
holds, so a dump names nobody while merging and linking still meet in the index.

Going back down opens every notice again (the data key is needed both ways).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from screening.central import atrest
from screening.central.repeats import matching

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Lightweight tables rather than schema.py's: a migration must keep working as the schema grows.
_CLEAR = sa.table("notices", sa.column("id"), sa.column("name_key"),
                  *(sa.column(name) for name in atrest.NOTICE_PERSON))
_SEALED = sa.table("notices", sa.column("id"), sa.column("name_key"), sa.column("person"))
_COLUMNS = (("given_name", sa.String(150), False), ("family_name", sa.String(150), False),
            ("date_of_birth", sa.String(10), True), ("travel", sa.String(100), True),
            ("note", sa.String(500), True))


def _ring() -> atrest.DataKeys | None:
    ring = context.config.attributes.get("data_keys")
    bind = op.get_bind()
    held = bind.execute(sa.select(sa.literal(1)).select_from(_SEALED).limit(1)).first()
    if ring is None and (held or atrest.holds_values(bind)):
        raise atrest.DataKeyError("central's data key is needed to seal the data already "
                                  "held (open central with its key file)")
    return ring


def upgrade() -> None:
    ring = _ring()
    with op.batch_alter_table("notices") as batch:
        batch.add_column(sa.Column("person", sa.Text))
    if ring is not None:  # else there is no notice: _ring refused
        _seal(op.get_bind(), ring)
    with op.batch_alter_table("notices") as batch:
        batch.alter_column("person", existing_type=sa.Text, nullable=False)
        for name, _type, _nullable in _COLUMNS:
            batch.drop_column(name)


def downgrade() -> None:
    ring = _ring()
    with op.batch_alter_table("notices") as batch:
        for name, kind, _nullable in _COLUMNS:
            batch.add_column(sa.Column(name, kind))
    if ring is not None:
        _open(op.get_bind(), ring)
    with op.batch_alter_table("notices") as batch:
        for name, kind, nullable in _COLUMNS:
            if not nullable:
                batch.alter_column(name, existing_type=kind, nullable=False)
        batch.drop_column("person")


def _seal(bind: sa.Connection, ring: atrest.DataKeys) -> None:
    for row in bind.execute(sa.select(_CLEAR)).mappings().all():
        key = matching.name_key(row["given_name"], row["family_name"])
        bind.execute(sa.update(_SEALED).where(_SEALED.c.id == row["id"]).values(
            person=atrest.seal_notice(ring, row["id"], dict(row)),
            name_key=ring.name_digest(key) if key else None))


def _open(bind: sa.Connection, ring: atrest.DataKeys) -> None:
    for row in bind.execute(sa.select(_SEALED)).mappings().all():
        person = atrest.open_notice(ring, row["id"], row["person"])
        key = matching.name_key(person["given_name"], person["family_name"])
        bind.execute(sa.update(_CLEAR).where(_CLEAR.c.id == row["id"]).values(
            **person, name_key=key))
