"""``screening-central keys rotate``: every sealed value re-sealed under a new data key.

Crash-safe in three steps: the key file first holds the old keys and the new one (so every
value opens whatever happens next), then one transaction re-seals every value (the notices'
persons too), digests the notices' names again and drops the repeat-victim matching digests,
then the file keeps only the new key. The matching digests are made again under the new key;
the candidate pairs already found stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screening.central import atrest
from screening.central.notices import queries as notices
from screening.central.repeats import candidates
from screening.central.repeats import queries as repeat_keys
from screening.central.staff import audit

if TYPE_CHECKING:
    from screening.central.service import Central


def rotate(central: Central, by: str) -> tuple[str, int]:
    """The new key's id and the number of values re-sealed."""
    ring = atrest.attached(central.engine)
    if ring is None:
        raise atrest.DataKeyError("central's data key is not loaded")
    both = ring.with_new_key()
    atrest.save(both)
    atrest.attach(central.engine, both)
    with central.engine.begin() as conn:
        count = atrest.reseal_all(conn, both, both)
        notices.redigest(conn)
        repeat_keys.drop_keys(conn)
        audit.record(conn, by, "data_key_rotated", both.current)
    candidates.refresh(central.engine)
    final = both.only_current()
    atrest.save(final)
    atrest.attach(central.engine, final)
    return final.current, count
