"""Notices benchmark: recording notices one by one (each checked for a duplicate), importing a
CSV of 10,000 rows, the signed list a checkpoint is sent, and linking after each batch when
central already holds N recent interviews (the refresh opens every sealed record of an unlinked
interview of the last 30 days and compares those that name a notice or share a name digest
with an unlinked one).

Central's database is SQLite in a temporary folder, opened in process.
Run: .venv/bin/python bench/notices.py [INTERVIEWS]        (default 4000)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening.central import settings  # noqa: E402
from screening.central.batches.ingest import ingest  # noqa: E402
from screening.central.notices import csvimport, downstream, linking, register  # noqa: E402
from screening.central.service import open_central  # noqa: E402
from screening.sync import noticelist, wire  # noqa: E402
from tests.central.conftest import enrol_station  # noqa: E402
from tests.central.console.helpers import adult, interview_record  # noqa: E402

PER_BATCH = 200
TODAY = dt.date.today()


def main(interviews: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        central = open_central(settings.Settings(root, f"sqlite:///{root / 'central.db'}"))
        try:
            run(central, root, interviews)
        finally:
            central.close()


def run(central, root: Path, interviews: int) -> None:
    started = time.perf_counter()
    for n in range(500):
        register.add(central, {"checkpoint": "TIA", "given_name": f"Given{n}",
                               "family_name": "Hoxha", "notified_by": "iom",
                               "expected_date": (TODAY + dt.timedelta(days=n % 9)).isoformat()},
                     by="bench")
    print(f"add one notice: {(time.perf_counter() - started) / 500 * 1000:.2f} ms "
          "(500 notices, duplicate check included)")

    path = root / "notices.csv"
    path.write_text("checkpoint,expected_date,given_name,family_name,notified_by\n" + "".join(
        f"KKV,{TODAY.isoformat()},Name{n},Lika,ngo\n" for n in range(10_000)), "utf-8")
    started = time.perf_counter()
    done = csvimport.import_file(central, path, by="bench")
    print(f"import a CSV of 10,000 rows: {time.perf_counter() - started:.2f} s "
          f"({done.added} added, {done.merged} merged)")

    station = enrol_station(central, "TIA")
    now = dt.datetime.now(dt.UTC)
    headers = noticelist.sign_request(station.device_id, station.key, now)
    started = time.perf_counter()
    answer = downstream.answer(central, station.device_id,
                               headers[noticelist.TIME_HEADER],
                               headers[noticelist.SIGNATURE_HEADER], now)
    took = time.perf_counter() - started
    print(f"a checkpoint's signed list: {took * 1000:.1f} ms, {len(answer['notices'])} notices, "
          f"{len(wire.canonical_json(answer)) / 1024:.0f} KiB")

    batches = max(1, interviews // PER_BATCH)
    ingest_total = 0.0
    for b in range(batches):
        records = [interview_record(adult(checkpoint="TIA", given_name=f"Arrived{b}x{k}"),
                                    seq=b * PER_BATCH + k + 1) for k in range(PER_BATCH)]
        raw = station.batch(records)
        started = time.perf_counter()
        ingest(central, raw)
        ingest_total += time.perf_counter() - started
    started = time.perf_counter()
    linking.refresh(central.engine)
    refresh = time.perf_counter() - started
    print(f"ingest incl. linking: {ingest_total / batches:.2f} s a batch of {PER_BATCH} "
          f"({batches} batches); one linking refresh over {batches * PER_BATCH} recent "
          f"unlinked interviews: {refresh:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
