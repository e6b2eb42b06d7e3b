"""Desktop client start-up and answer latency, offscreen.

1. Start-up: the time from starting the process to the login window shown (``--smoke-test``
   prints ``smoke-test-shown`` once the first screen is up, then its report line; the first
   line is the stopwatch), for
     - a bare PySide6 window started the same way (the floor: Python + Qt),
     - the client from source (``python -m screening.ui.app``),
     - the bundle (installer/dist/ReturneeScreening, or --bundle DIR), when one is built.
   The first run of each is printed apart (cold caches as far as a benchmark can get them),
   then the median of the next ones, taken in turns (bare, source, bundle, then the next
   round in another order) so a machine busy with something else slows all of them alike;
   the ratio is of the medians, with the median of each round's own ratio beside it.
   The programs run with bytecode caching on, as an installed client does (pip and the bundle
   ship compiled modules): a shell's PYTHONDONTWRITEBYTECODE would otherwise make every run
   compile the client's modules again, and only the client's (PySide's are compiled).
   Target (issue 12): source / bare <= 1.5.
2. Answer latency: the time from an answer given to the next question shown (the answer saved,
   the whole form re-evaluated and refreshed, the next question focused and painted), over
   ~200 answers of the standard form with InterviewView offscreen. Target: p95 <= 50 ms.

Run: .venv/bin/python bench/startup.py [--runs N] [--answers N] [--bundle DIR] [--against DIR]
(--against: another checkout's client, e.g. main's, measured in the same rounds: before/after)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "correct horse battery"
MARKER = "smoke-test"
BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "window = QMainWindow()\n"
    "window.setCentralWidget(QLabel('bare'))\n"
    "window.resize(1360, 860)\n"
    "window.show()\n"
    "def done():\n"
    "    print('smoke-test {}', flush=True)\n"
    "    window.close()\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, done)\n"
    "sys.exit(app.exec())\n"
)


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("SCREENING_") and key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env  # the source runs with cwd=ROOT, so ``-m`` finds this checkout


def time_to_marker(command: list[str], timeout: float = 60.0) -> float | None:
    """Seconds from starting ``command`` to its smoke-test line; None when none came."""
    seen = threading.Event()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=_env(), cwd=ROOT)
    stamp: list[float] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(MARKER) and not stamp:
                stamp.append(time.perf_counter())
                seen.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    seen.wait(timeout)
    try:
        process.wait(timeout=10 if stamp else 0.1)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    reader.join(timeout=5)
    return stamp[0] - started if stamp else None


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Each command once (printed as its first run), then ``runs`` rounds of all of them in
    turns, each round starting with another; the times of the rounds, by name."""
    names = list(commands)
    firsts = {name: time_to_marker(commands[name]) for name in names}
    times: dict[str, list[float]] = {name: [] for name in names if firsts[name] is not None}
    for name in names:
        if firsts[name] is None:
            print(f"  {name:<28} no smoke-test line (does it know --smoke-test?)")
    order = list(times)
    for round_number in range(runs):
        shift = round_number % len(order) if order else 0
        for name in order[shift:] + order[:shift]:
            taken = time_to_marker(commands[name])
            times[name].append(taken if taken is not None else float("nan"))
    for name, taken in times.items():
        first = firsts[name] or 0.0
        median = statistics.median(taken) if taken else first
        print(f"  {name:<28} first {first * 1000:6.0f} ms   median of {len(taken)} "
              f"{median * 1000:6.0f} ms")
    return times


def ratio(times: dict[str, list[float]], name: str, floor: str) -> tuple[float, float] | None:
    """The ratio of the medians, and the median of each round's own ratio."""
    if not times.get(name) or not times.get(floor):
        return None
    rounds = [mine / bare for mine, bare in zip(times[name], times[floor], strict=True)]
    return statistics.median(times[name]) / statistics.median(times[floor]), \
        statistics.median(rounds)


def store_folder() -> Path:
    """A data folder with a store in it, so the client opens on the login screen."""
    folder = Path(tempfile.mkdtemp(prefix="screening-startup-")) / "data"
    env = {**_env(), "SCREENING_PASSWORD": PASSWORD}
    result = subprocess.run([sys.executable, "-m", "screening", "--data-dir", str(folder),
                             "init", "--checkpoint", "TIA", "--user", "bench"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"could not create a store: {result.stderr.strip()}")
    return folder


# a checkout's client run from its own folder, as ``-m`` runs this one's
AGAINST = ("import runpy, sys; sys.path.insert(0, {folder!r}); "
           "runpy.run_module('screening.ui.app', run_name='__main__', alter_sys=True)")


def startup(runs: int, bundle: Path | None, against: Path | None = None) -> None:
    print("start-up to the login window (offscreen)")
    data = store_folder()
    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "client from source": [sys.executable, "-m", "screening.ui.app", "--data-dir",
                               str(data), "--smoke-test"]}
    if bundle is not None and (bundle / "returnee-screening").exists():
        commands["client from the bundle"] = [str(bundle / "returnee-screening"),
                                              "--data-dir", str(data), "--smoke-test"]
    else:
        print(f"  {'client from the bundle':<28} not built (python installer/build.py)")
    if against is not None:
        commands[f"client from {against.name}"] = [
            sys.executable, "-c", AGAINST.format(folder=str(against.resolve())), "--data-dir",
            str(data), "--smoke-test"]
    times = measure(commands, runs)
    source = ratio(times, "client from source", "bare PySide6 window")
    if source is not None:
        verdict = "ok" if source[0] <= 1.5 else "OVER TARGET"
        print(f"  source / bare = {source[0]:.2f}  (median of the rounds' ratios "
              f"{source[1]:.2f}; target <= 1.5: {verdict})")
    if against is not None:
        other = ratio(times, f"client from {against.name}", "bare PySide6 window")
        if other is not None:
            print(f"  {against.name} / bare = {other[0]:.2f}  (median of the rounds' ratios "
                  f"{other[1]:.2f})")
    frozen = ratio(times, "client from the bundle", "bare PySide6 window")
    if frozen is not None:
        print(f"  bundle / bare = {frozen[0]:.2f}  (median of the rounds' ratios "
              f"{frozen[1]:.2f})")


def answer_latency(count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from screening.questionnaire.loader import load_form
    from screening.questionnaire.reference import load_reference
    from screening.ui.interview.view import InterviewView
    from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, child_answers, with_yes

    app = QApplication.instance() or QApplication([])
    form = load_form(ROOT / "forms" / "returnee_screening.yaml")
    reference = load_reference(ROOT / "forms" / "reference")
    sets = [adult_no_indicators(), child_answers(),
            with_yes(adult_no_indicators(), "ind_violence", "ind_documents_confiscated")]
    samples: list[float] = []
    round_number = 0
    while len(samples) < count:
        answers = sets[round_number % len(sets)]
        round_number += 1
        view = InterviewView(form, reference, "sq", {}, lambda _q, _v: None, now=INTERVIEW_TIME)
        view.resize(1360, 860)
        view.show()
        app.processEvents()
        for question_id in form.questions:
            if question_id not in answers or question_id not in view.fields:
                continue
            if not view.session.evaluation.relevant.get(question_id, False):
                continue
            started = time.perf_counter()
            view.answer(question_id, answers[question_id])
            view._advance(question_id)  # what Enter does after an answer
            app.processEvents()  # layout and paint of the next question
            samples.append(time.perf_counter() - started)
            if len(samples) >= count:
                break
        view.close()
        view.deleteLater()
        app.processEvents()
    ordered = sorted(samples)
    p50 = ordered[len(ordered) // 2] * 1000
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
    verdict = "ok" if p95 <= 50 else "OVER TARGET"
    print(f"answer -> next question shown, {len(samples)} answers of the standard form "
          f"(InterviewView offscreen)")
    print(f"  p50 {p50:.1f} ms   p95 {p95:.1f} ms   max {ordered[-1] * 1000:.1f} ms  "
          f"(target p95 <= 50 ms: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="rounds after the first runs")
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--against", type=Path, help="another checkout to measure alike")
    parser.add_argument("--startup-only", action="store_true",
                        help="skip the answer latency")
    parser.add_argument("--bundle", type=Path, default=ROOT / "installer" / "dist"
                        / "ReturneeScreening", help="a built bundle folder")
    args = parser.parse_args()
    startup(args.runs, args.bundle, args.against)
    if not args.startup_only:
        answer_latency(args.answers)


if __name__ == "__main__":
    main()
