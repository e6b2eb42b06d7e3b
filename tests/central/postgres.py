"""A throwaway PostgreSQL cluster on loopback, from the Debian ``postgresql`` package.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` system
user (``runuser``). ``pg_ctl -w`` returns once the server accepts connections: no sleeping.
Run ``scripts/postgres-for-tests`` to get one by hand; the tests use ``Cluster`` directly."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

USER = "screening_test"


class PostgresUnavailable(RuntimeError):
    pass


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    # PostgreSQL binds its own socket; a port free a moment ago is the best loopback offers.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bin = binaries()
        if self.bin is None:
            raise PostgresUnavailable("PostgreSQL is not installed (apt-get install "
                                      "postgresql; scripts/system-packages does it)")
        self.root = Path(tempfile.mkdtemp(prefix="rs-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_user, *args], capture_output=True, text=True,
                                timeout=120, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {result.stderr.strip()}"
                                      f"{self._log_tail()}")

    def _log_tail(self) -> str:
        log = self.root / "server.log"
        with contextlib.suppress(OSError):
            return "\n" + "\n".join(log.read_text().splitlines()[-15:])
        return ""

    def start(self) -> str:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER,
                  "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} "
                   f"-c unix_socket_directories={self.root} -c fsync=off "
                   "-c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "server.log"), "-o", options, "-w", "-t", "60", "start")
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template`` (which nobody may be connected to)."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:16]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a test's database, whoever is still connected (a server the test left)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(psycopg.Error), psycopg.connect(
                f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres",
                autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        with contextlib.suppress(PostgresUnavailable, subprocess.TimeoutExpired):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                      "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def main() -> int:
    cluster = Cluster()
    try:
        print(cluster.start(), flush=True)
        print("PostgreSQL runs until you press Enter or Ctrl-C.", file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt, EOFError):
            input()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
