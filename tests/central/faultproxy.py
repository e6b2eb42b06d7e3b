"""A TCP proxy between the sync client and central that injects one fault per connection:

- ``pass``: forward the request and the response;
- ``cut_before_request``: close the client's connection at once;
- ``cut_mid_upload``: forward the headers and half the body, then cut both sides;
- ``cut_after_commit``: forward the whole request, wait for central's whole response (so the
  batch is committed), then cut the client off without it;
- ``delay``: hold central's response back longer than the client's read timeout;
- ``portal``: answer 200 with an HTML page itself, as a captive portal does;
- ``forge_revoked`` / ``forge_conflict``: answer itself with the JSON refusal an attacker on
  the path would write (``403 device_revoked``, ``409 batch_conflict``), unsigned.

It speaks just enough HTTP/1.1 (Content-Length bodies) to know where a request ends."""

from __future__ import annotations

import collections
import contextlib
import json
import socket
import threading

_PAGE = b"<html><body>Log in to the Wi-Fi</body></html>"
FORGED = {"forge_revoked": (403, "device_revoked"), "forge_conflict": (409, "batch_conflict")}


def _forged(fault: str) -> bytes:
    status, code = FORGED[fault]
    body = json.dumps({"error": code, "message": "refused"}).encode()
    return (b"HTTP/1.1 %d Refused\r\nContent-Type: application/json\r\nConnection: close\r\n"
            b"Content-Length: %d\r\n\r\n" % (status, len(body))) + body


PORTAL = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
          b"Content-Length: " + str(len(_PAGE)).encode() + b"\r\n\r\n" + _PAGE)


class FaultProxy:
    def __init__(self, target_host: str, target_port: int, delay_seconds: float = 2.0) -> None:
        self.target = (target_host, target_port)
        self.delay_seconds = delay_seconds
        self.faults: collections.deque[str] = collections.deque()
        self.seen: list[str] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def inject(self, *faults: str) -> None:
        with self._lock:
            self.faults.extend(faults)

    def _next_fault(self) -> str:
        with self._lock:
            fault = self.faults.popleft() if self.faults else "pass"
            self.seen.append(fault)
            return fault

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self._stopping.is_set():
                client.close()
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with contextlib.ExitStack() as stack:
            stack.callback(client.close)
            fault = self._next_fault()
            if fault == "cut_before_request":
                return
            head, body = _read_message(client)
            if head is None:
                return
            if fault == "portal":
                client.sendall(PORTAL)
                return
            if fault in FORGED:
                client.sendall(_forged(fault))
                return
            upstream = socket.create_connection(self.target)
            stack.callback(upstream.close)
            if fault == "cut_mid_upload":
                upstream.sendall(head + body[: len(body) // 2])
                return
            upstream.sendall(head + body)
            response_head, response_body = _read_message(upstream)
            if fault == "cut_after_commit" or response_head is None:
                return
            if fault == "delay":
                self._stopping.wait(self.delay_seconds)  # the fault itself: a slow network
            with contextlib.suppress(OSError):
                client.sendall(response_head + response_body)

    def close(self) -> None:
        self._stopping.set()
        # accept() does not notice a close from another thread; a last connection wakes it.
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=5).close()
        self._thread.join(timeout=10)
        self.listener.close()


def _read_message(sock: socket.socket) -> tuple[bytes | None, bytes]:
    """One HTTP/1.1 message with a Content-Length body (or none): (head, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n", body
