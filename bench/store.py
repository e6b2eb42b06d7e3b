"""Store benchmark: autosave latency, list and name-search time, login time, and the cost of
encryption (the same workload on SQLCipher and on plain SQLite, measured in the same run).

Targets (issue 3), at 100,000 stored interviews: autosave p95 <= 2 ms; list and search
<= 100 ms; SQLCipher / plain SQLite <= 1.3. The SQLCipher figures include the head record
written and fsynced after each commit (issue 15, store/headrecord.py); its own cost is printed
too, the same autosave with and without it, interleaved. They include the per-officer sealing
too (issue 15, docs/design.md §7.1): half the interviews are the logged-in supervisor's, half
another officer's, each under its own data key; the plain database holds them in the clear, as
a store before schema 7 did. The first name search of a session ("search_cold_ms") looks its words
up in the blind index under each data key it holds and opens only the hits; later ones open
only hits not opened before.
Run: .venv/bin/python bench/store.py [INTERVIEWS]        (default 100000)
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening.store import connection, interviews, migrations  # noqa: E402
from screening.store.interviews import StoredInterview  # noqa: E402
from screening.store.keyring import Keyring  # noqa: E402
from screening.store.session import StoreSession  # noqa: E402
from tests.answer_sets import adult_no_indicators  # noqa: E402

USER, PASSWORD = "bench", "bench-password"
AUTOSAVES = 500
QUERY_REPEATS = 20
BATCH = 5000


def fake_interview(n: int) -> StoredInterview:
    at = f"2026-01-01T00:00:{n:09d}"  # distinct, sortable
    answers = adult_no_indicators(given_name=f"Given{n}", family_name=f"Family{n % 997}")
    return StoredInterview(id=str(uuid.uuid4()), form_id="returnee_screening",
                           form_version="2026.1", checkpoint="KKV",
                           officer=USER if n % 2 else "other", created_at=at, updated_at=at,
                           status="finalised", answers=answers, assessment=None,
                           outcome="no_indicators", revision=1)


def populate(conn, keys: Keyring, count: int) -> float:
    start = time.perf_counter()
    conn.execute("INSERT OR IGNORE INTO accounts (name, role, created_at, password_changed_at) "
                 "VALUES ('other', 'officer', 't', 't')")
    for first in range(0, count, BATCH):
        with connection.transaction(conn):
            for n in range(first, min(count, first + BATCH)):
                interviews.insert(conn, keys, fake_interview(n))
    return time.perf_counter() - start


def new_draft(conn, keys: Keyring) -> str:
    draft = fake_interview(10**8)
    draft = StoredInterview(**{**draft.__dict__, "status": "draft", "officer": USER})
    with connection.transaction(conn):
        interviews.insert(conn, keys, draft)
    return draft.id


def autosave(conn, keys: Keyring, draft_id: str, n: int) -> float:
    start = time.perf_counter()
    with connection.transaction(conn):
        interviews.save_answer(conn, keys, draft_id, None, "months_abroad", n,
                               f"2027-{n:06d}")
    return (time.perf_counter() - start) * 1000


def query(conn, keys: Keyring, kwargs: dict, names: interviews.NameCache) -> float:
    start = time.perf_counter()
    interviews.summaries(conn, keys, **kwargs, names=names)
    return (time.perf_counter() - start) * 1000


QUERIES = {"list_ms": {"limit": 100}, "list_officer_ms": {"officer": USER, "limit": 100},
           "search_ms": {"search": "Given4242", "limit": 100},
           "search_officer_ms": {"officer": USER, "search": "Family12", "limit": 100}}


def interleaved(conns: dict) -> dict[str, dict[str, float]]:
    """Each measurement alternates between the databases, so load from anything else on the
    machine falls on both alike and the ratio stays fair. ``conns``: name -> (conn, keys)."""
    drafts = {name: new_draft(conn, keys) for name, (conn, keys) in conns.items()}
    saves: dict[str, list[float]] = {name: [] for name in conns}
    for n in range(AUTOSAVES):
        for name, (conn, keys) in conns.items():
            saves[name].append(autosave(conn, keys, drafts[name], n))
    results = {name: {"autosave_p50_ms": statistics.median(saves[name]),
                      "autosave_p95_ms": statistics.quantiles(saves[name], n=20)[18]}
               for name in conns}
    caches = {name: interviews.NameCache() for name in conns}
    for name, (conn, keys) in conns.items():
        results[name]["search_cold_ms"] = query(conn, keys, QUERIES["search_ms"], caches[name])
    for key, kwargs in QUERIES.items():
        times: dict[str, list[float]] = {name: [] for name in conns}
        for _ in range(QUERY_REPEATS):
            for name, (conn, keys) in conns.items():
                times[name].append(query(conn, keys, kwargs, caches[name]))
        for name in conns:
            results[name][key] = statistics.median(times[name])
    return results


def head_record_cost(conn, keys: Keyring) -> dict[str, float]:
    """Autosave p95 on the same connection with the head record and without it, alternating."""
    head = getattr(conn, "head", None)
    draft = new_draft(conn, keys)
    with_head: list[float] = []
    without: list[float] = []
    for n in range(AUTOSAVES):
        connection.attach_head(conn, head)
        with_head.append(autosave(conn, keys, draft, n))
        connection.attach_head(conn, None)
        without.append(autosave(conn, keys, draft, n))
    connection.attach_head(conn, head)
    return {"with_head_p95_ms": statistics.quantiles(with_head, n=20)[18],
            "without_head_p95_ms": statistics.quantiles(without, n=20)[18]}


def workload(results: dict[str, float]) -> float:
    return AUTOSAVES * results["autosave_p50_ms"] + sum(results[key] for key in QUERIES)


def plain_database(path: Path):
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                   "temp_store = MEMORY", "secure_delete = ON",
                   f"cache_size = -{connection.CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    migrations.migrate(conn)
    conn.execute("INSERT INTO accounts (name, role, created_at, password_changed_at) "
                 "VALUES (?, 'officer', 't', 't')", (USER,))
    return conn


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        folder = Path(tmp)
        session, _ = StoreSession.initialise(folder / "enc", "KKV", USER, PASSWORD)
        plain_conn = plain_database(folder / "plain.db")
        plain_keys = Keyring(plain_conn)  # no account has a key pair: rows in the clear
        populate_s = {"sqlcipher": populate(session.conn, session.keys, count),
                      "plain": populate(plain_conn, plain_keys, count)}
        results = interleaved({"sqlcipher": (session.conn, session.keys),
                               "plain": (plain_conn, plain_keys)})
        head_cost = head_record_cost(session.conn, session.keys)
        start = time.perf_counter()
        rekeyed = session.rekey("other")  # the other officer's half: what a disable costs
        rekey_s = time.perf_counter() - start
        session.close()
        plain_conn.close()
        start = time.perf_counter()
        StoreSession.login(folder / "enc", USER, PASSWORD).close()
        login_s = time.perf_counter() - start
        sizes = {"sqlcipher": (folder / "enc" / "store.db").stat().st_size,
                 "plain": (folder / "plain.db").stat().st_size}
    enc, plain = results["sqlcipher"], results["plain"]
    print(f"interviews stored: {count:,}  (plain: SQLite {sqlite3.sqlite_version}; "
          f"SQLCipher on SQLite {connection.sqlcipher3.sqlite_version})")
    print(f"{'measure':<22}{'SQLCipher':>12}{'plain':>12}{'ratio':>8}")
    print(f"{'populate_s':<22}{populate_s['sqlcipher']:>12.3f}{populate_s['plain']:>12.3f}"
          f"{populate_s['sqlcipher'] / populate_s['plain']:>8.2f}")
    for key, value in enc.items():
        print(f"{key:<22}{value:>12.3f}{plain[key]:>12.3f}{value / plain[key]:>8.2f}")
    print(f"login (Argon2id 64 MiB t=3 + open + audit entry): {login_s * 1000:.0f} ms")
    print(f"head record: autosave p95 {head_cost['with_head_p95_ms']:.3f} ms with it, "
          f"{head_cost['without_head_p95_ms']:.3f} ms without")
    print(f"re-key of one officer ({rekeyed.records:,} interviews resealed, as a disable "
          f"or a password reset does): {rekey_s:.1f} s")
    print(f"database size: {sizes['sqlcipher'] / 1e6:.1f} MB encrypted, "
          f"{sizes['plain'] / 1e6:.1f} MB plain")
    print(f"workload ratio SQLCipher / plain ({AUTOSAVES} autosaves + one of each query, "
          f"median times): {workload(enc) / workload(plain):.2f}  (target <= 1.3)")
    print(json.dumps({"sqlcipher": enc, "plain": plain, "populate_s": populate_s,
                      "login_s": login_s, "head_record": head_cost, "rekey_s": rekey_s}))


if __name__ == "__main__":
    main()
