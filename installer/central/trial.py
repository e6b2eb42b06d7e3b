"""Follows installer/central/README.md once, as far as a machine without root or systemd
allows, and prints what each step did: PostgreSQL, the settings and data key, a private CA and
certificate, migrate and the first administrator, two TLS processes on one database, a
workstation enrolling and syncing over HTTPS, a backup searched for a name, a key rotation and a
restore of the earlier backup read with the earlier key.

Run: .venv/bin/python installer/central/trial.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.answer_sets import adult_no_indicators  # noqa: E402
from tests.central.postgres import Cluster  # noqa: E402

BIN = Path(sys.executable).parent
NAME = "Trialvictim"
ADMIN_PW, SUP_PW, OFF_PW = "trial admin password", "sara-password-1", "olsi-password-1"


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    done = subprocess.run(list(args), capture_output=True, text=True, timeout=300, env=env,
                          input=stdin, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(args)}\n{done.stdout}{done.stderr}")
    return done.stdout


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="central-trial-"))
    cluster = Cluster()
    servers: list[subprocess.Popen[str]] = []
    try:
        step("§2 PostgreSQL")
        cluster.start()
        url = cluster.new_database()
        print(f"database {url}")
        step("§3 settings and the data key")
        etc, home = work / "etc" / "returnee-central", work / "var" / "lib" / "returnee-central"
        (etc / "keys").mkdir(parents=True, mode=0o700)
        home.mkdir(parents=True, mode=0o700)
        settings = {"SCREENING_CENTRAL_DB": url, "SCREENING_CENTRAL_HOME": str(home),
                    "SCREENING_CENTRAL_DATA_KEY_FILE": str(etc / "keys" / "data.key")}
        (etc / "central.env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")},
               **settings, "PATH": f"{cluster.bin}:{os.environ['PATH']}"}
        central = [str(BIN / "screening-central")]
        step("§4 a private CA and central's certificate")
        tls = etc / "tls"
        tls.mkdir()
        run("openssl", "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:P-256", "-nodes", "-days", "3650", "-subj",
            "/CN=Returnee Screening central CA", "-keyout", str(tls / "ca.key"), "-out",
            str(tls / "ca.pem"))
        run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-subj", "/CN=localhost", "-keyout", str(tls / "key.pem"), "-out",
            str(tls / "central.csr"))
        (tls / "san.ext").write_text("subjectAltName=DNS:localhost\n")
        run("openssl", "x509", "-req", "-in", str(tls / "central.csr"), "-CA",
            str(tls / "ca.pem"), "-CAkey", str(tls / "ca.key"), "-CAcreateserial", "-days",
            "825", "-extfile", str(tls / "san.ext"), "-out", str(tls / "fullchain.pem"))
        step("§5 migrate and the first administrator")
        print(run(*central, "migrate", env=env).strip())
        key_file = etc / "keys" / "data.key"
        print(f"data key {key_file}, mode {oct(key_file.stat().st_mode & 0o777)}")
        print(run(*central, "staff", "add", "admin", "--role", "admin",
                  env={**env, "SCREENING_CENTRAL_PASSWORD": ADMIN_PW}).strip())
        step("§6 two processes on one database, over TLS")
        ports = []
        for _ in range(2):
            server = subprocess.Popen(
                [*central, "serve", "--host", "127.0.0.1", "--port", "0", "--tls-cert",
                 str(tls / "fullchain.pem"), "--tls-key", str(tls / "key.pem")],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            servers.append(server)
            assert server.stdout is not None
            line = server.stdout.readline()
            ports.append(line.rsplit(":", 1)[1].strip())
            print(line.strip())
        for port in ports:
            print(run("curl", "-sS", "--cacert", str(tls / "ca.pem"),
                      f"https://localhost:{port}/v1/health").strip())
        step("a workstation enrols with --ca and syncs")
        station = work / "station"
        wenv = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
        screening = [str(BIN / "screening"), "--data-dir", str(station)]
        run(*screening, "init", "--checkpoint", "TIA", "--user", "sara",
            env={**wenv, "SCREENING_PASSWORD": SUP_PW, "SCREENING_NEW_PASSWORD": SUP_PW})
        run(*screening, "users", "add", "olsi", "--role", "officer", "--as", "sara",
            env={**wenv, "SCREENING_PASSWORD": SUP_PW, "SCREENING_NEW_PASSWORD": OFF_PW})
        paper = work / "paper.json"
        paper.write_text(json.dumps([adult_no_indicators(given_name=NAME, checkpoint="TIA")]))
        run(*screening, "interviews", "import", str(paper), "--as", "olsi",
            env={**wenv, "SCREENING_PASSWORD": OFF_PW})
        code = run(*central, "enrolment-code", "TIA", env=env).split(": ", 1)[1].split()[0]
        sup = {**wenv, "SCREENING_PASSWORD": SUP_PW}
        print(run(*screening, "enroll", "--server", f"https://localhost:{ports[1]}", "--code",
                  code, "--ca", str(tls / "ca.pem"), "--as", "sara", env=sup).strip())
        print(run(*screening, "sync", "--as", "sara", env=sup).strip())
        print(run(*central, "interviews", "list", "--json", env=env).count('"id"'),
              "interview(s) held at central")
        step("§7 backup")
        backups = work / "backups"
        backups.mkdir(mode=0o700)
        print(run(str(ROOT / "installer" / "central" / "backup.sh"),
                  env={**env, "BACKUP_DIR": str(backups)}).strip())
        dump = next(backups.glob("central-*.dump"))
        sql = run(str(cluster.bin / "pg_restore"), "--data-only", "-f", "-", str(dump))
        print(f"the name in the backup: {'FOUND' if NAME in sql else 'not found'}")
        old_key = work / "data.key.before-rotation"
        shutil.copy2(key_file, old_key)
        step("§8 rotate the data key (the processes stopped)")
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        print(run(*central, "keys", "rotate", env=env).strip())
        step("restore the earlier backup into a new database")
        restored = cluster.new_database()
        run(str(cluster.bin / "pg_restore"), "--no-owner", "--dbname",
            restored.replace("+psycopg", ""), str(dump))
        for label, key in (("the earlier key", old_key), ("the rotated key", key_file)):
            check = run(sys.executable, "-c", _READ_BACK, env={
                **env, "SCREENING_CENTRAL_DB": restored,
                "SCREENING_CENTRAL_DATA_KEY_FILE": str(key)})
            print(f"restored backup read with {label}: {check.strip()}")
    finally:
        for server in servers:
            if server.poll() is None:
                server.kill()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


_READ_BACK = """
from screening.central import settings
from screening.central.service import open_central
from screening.central.cases import queries
from screening.errors import ScreeningError
central = open_central(settings.resolve(), migrate=False)
try:
    with central.engine.connect() as conn:
        ids = [r["id"] for r in __import__("screening.central.batches.queries",
               fromlist=["x"]).listing(conn)]
        print("opens" if queries.record(conn, ids[0]) else "empty")
except ScreeningError as error:
    print("refused:", error.message)
finally:
    central.close()
"""


if __name__ == "__main__":
    main()
