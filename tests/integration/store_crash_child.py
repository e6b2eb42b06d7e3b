"""Child process of test_store_crash: saves answers one by one, printing each after its commit,
until the parent kills it. Usage: python store_crash_child.py DATA_DIR INTERVIEW_ID ROUND"""

from __future__ import annotations

import sys
from pathlib import Path

from screening.store.session import StoreSession
from tests.unit.store.helpers import OFFICER, OFFICER_PW, TEST_KDF


def main() -> None:
    data_dir, interview_id, round_no = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    session = StoreSession.login(data_dir, OFFICER, OFFICER_PW, kdf=TEST_KDF)
    print("ready", flush=True)
    for n in range(100_000):
        question = f"r{round_no}_{n}"
        session.save_answer(interview_id, question, n)
        print(f"saved {question} {n}", flush=True)  # only after COMMIT returned


if __name__ == "__main__":
    main()
