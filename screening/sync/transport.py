"""The workstation's HTTP client for central, on ``requests``: timeouts on every call, retries
with exponential backoff and full jitter, HTTPS (plain HTTP to a loopback address only), the
server's certificate checked against the CA bundle received at enrolment, no acknowledgement
without a signed receipt that verifies (a captive portal's 200 page proves nothing), and no
refusal acted on unless central signed it for this very request: anything on the path can
forge an unsigned ``403 device_revoked``, so that is a failure to retry like any other."""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import certifi
import requests
from requests.adapters import HTTPAdapter

from screening import crypto, messages
from screening.errors import ScreeningError
from screening.sync import wire


class SyncError(ScreeningError):
    code = "sync_error"


class CentralUnreachableError(SyncError):
    """Central could not be reached, or answered nothing usable, after every retry."""

    code = "central_unreachable"


class CentralRefusedError(SyncError):
    """Central answered with a definite refusal (a JSON error code); retrying will not help.
    Raised for a batch or a pull only when central's signature over it verified."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(f"central refused: {message} ({code}, HTTP {status})", code=code)
        self.status = status

    def in_language(self, lang: str) -> str:
        """Central's reason by its code (screening/messages.py), not central's English."""
        if lang == "en":
            return self.message
        return messages.text("cli.refused_by_central", lang,
                             reason=messages.refusal(self.code, lang, self.message))


# Refusals that say "not now" rather than "never": retried like a network failure.
RETRYABLE = frozenset({"busy", "internal", "request_timeout", "request_incomplete"})


def check_address(server_url: str, *, ca_given: bool = False) -> None:
    """Central's address must be HTTPS, except to this machine (tests, a local relay); a CA
    file is for HTTPS, so giving one with http:// is a mistake, not something to ignore."""
    parts = urllib.parse.urlsplit(server_url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme != "http" or not parts.hostname:
        raise SyncError(code="server_url_not_https", url=server_url)
    if ca_given:
        raise SyncError(code="ca_needs_https")
    if not _loopback(parts.hostname):
        raise SyncError(code="plain_http_refused")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base_seconds: float = 0.5
    cap_seconds: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        # Full jitter (AWS architecture blog): spreads 20 checkpoints reconnecting at once.
        return rng.uniform(0, min(self.cap_seconds, self.base_seconds * 2 ** attempt))


@dataclass(frozen=True)
class Timeouts:
    connect: float = 10.0
    read: float = 120.0


class CentralClient:
    def __init__(self, server_url: str, *, verify: str | bool = True,
                 timeouts: Timeouts = Timeouts(), retry: RetryPolicy = RetryPolicy(),
                 sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        check_address(server_url)
        self.base = server_url.rstrip("/")
        self.session = requests.Session()
        if isinstance(verify, str):
            self.session.mount("https://", _PinnableAdapter())
        # Passed with every request, never set on the session: requests lets REQUESTS_CA_BUNDLE
        # (and CURL_CA_BUNDLE) override Session.verify, which would trust every public CA.
        self.verify = verify
        self.timeouts, self.retry, self.sleep = timeouts, retry, sleep
        self.rng = rng or random.Random()

    def close(self) -> None:
        self.session.close()

    def enrol(self, code: str, signing_key: crypto.Ed25519PrivateKey, label: str = ""
              ) -> wire.EnrolResponse:
        """One attempt only: the code is single-use, so a lost answer needs a new code."""
        body = wire.build_enrol_request(code, signing_key, label)
        try:
            response = self.session.post(f"{self.base}/v1/enrol", json=body, verify=self.verify,
                                         timeout=self._timeout(), allow_redirects=False)
        except requests.RequestException as error:
            raise CentralUnreachableError(f"central cannot be reached: {_why(error)}") from None
        if response.status_code != 200:
            # No key of central's is known yet to check a refusal with; nothing is kept from
            # it, and the person sees central's words and tries again with a new code.
            raise _unverified_refusal(response) or CentralUnreachableError(
                f"central answered HTTP {response.status_code} without an explanation")
        try:
            return wire.parse_enrol_response(response.json())
        except ValueError:
            raise CentralUnreachableError("central's answer is not an enrolment response"
                                          ) from None

    def send_batch(self, raw: bytes, central_key: crypto.Ed25519PublicKey) -> wire.Receipt:
        """Upload one batch until a receipt for exactly it verifies. Safe to repeat: central
        answers the same batch with the same receipt."""
        header = wire.parse_batch(raw).header
        last = "no attempt made"
        for attempt in range(self.retry.attempts):
            if attempt:
                self.sleep(self.retry.delay(attempt - 1, self.rng))
            nonce = wire.new_nonce()
            try:
                response = self.session.post(
                    f"{self.base}/v1/batches", data=raw, timeout=self._timeout(),
                    verify=self.verify, allow_redirects=False,
                    headers={"Content-Type": "application/octet-stream",
                             wire.NONCE_HEADER: nonce})
            except requests.RequestException as error:
                last = _why(error)
                continue
            if response.status_code == 200:
                try:
                    return wire.read_receipt(response.content, central_key,
                                             batch_id=header.batch_id,
                                             content_hash=header.content_hash)
                except (wire.WireError, crypto.CryptoError) as error:
                    last = f"an answer that is not central's receipt ({error.code})"
                    continue
            refusal = final_refusal(response, central_key, nonce)
            if refusal is not None:
                raise refusal
            last = f"HTTP {response.status_code}"
        raise CentralUnreachableError(f"central did not acknowledge the batch after "
                                      f"{self.retry.attempts} attempts (last: {last})")

    def _timeout(self) -> tuple[float, float]:
        return (self.timeouts.connect, self.timeouts.read)


class _PinnableAdapter(HTTPAdapter):
    """Lets the trusted file hold central's own certificate (pinned at enrolment when no CA
    was given) as well as a CA: OpenSSL then accepts a chain ending at any certificate of the
    file, not only at a self-signed root. Hostname and expiry are checked as ever."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:  # requests' own signature
        context = ssl.create_default_context()
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        kwargs["ssl_context"] = context
        super().init_poolmanager(*args, **kwargs)


def peer_certificate(server_url: str, trust: str | bool = True, timeout: float = 10.0) -> str:
    """Central's certificate (PEM) as it presents it now, over a connection checked against
    ``trust`` (True: certifi's CAs, which ``requests`` trusts by default), for pinning at
    enrolment."""
    parts = urllib.parse.urlsplit(server_url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context(
        cafile=trust if isinstance(trust, str) else certifi.where())
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as error:
        raise CentralUnreachableError(f"central's certificate could not be read: "
                                      f"{type(error).__name__}") from None
    if not der:
        raise CentralUnreachableError("central presented no certificate")
    return ssl.DER_cert_to_PEM_cert(der)


def get(client: CentralClient, path: str, params: Mapping[str, str],
        headers: Mapping[str, str]) -> tuple[requests.Response, str]:
    """One GET to central with a fresh nonce (for ``final_refusal``) and the client's TLS
    trust and timeouts; raises ``requests.RequestException``."""
    nonce = wire.new_nonce()
    response = client.session.get(f"{client.base}{path}", params=params,
                                  headers={**headers, wire.NONCE_HEADER: nonce},
                                  verify=client.verify, allow_redirects=False,
                                  timeout=client._timeout())
    return response, nonce


def final_refusal(response: requests.Response, central_key: crypto.Ed25519PublicKey,
                  nonce: str) -> CentralRefusedError | None:
    """The refusal to act on: one central signed for the request that carried ``nonce``, and
    that says "never" rather than "not now". None means retry: a proxy's or captive portal's
    page, an unsigned refusal (anyone on the path can write one; an older central too), one
    signed for another request (recorded and played back), or central busy."""
    try:
        refusal = wire.verify_refusal(response.json(), central_key, nonce)
    except (ValueError, wire.WireError, crypto.CryptoError):
        return None
    if refusal.code in RETRYABLE or response.status_code >= 500:
        return None
    return CentralRefusedError(refusal.code, refusal.message, response.status_code)


def _unverified_refusal(response: requests.Response) -> CentralRefusedError | None:
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("error"), str):
        return None
    return CentralRefusedError(body["error"], str(body.get("message", ""))[:500],
                               response.status_code)


def _why(error: requests.RequestException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return "the server's certificate is not the one central's CA issued"
    if isinstance(error, requests.Timeout):
        return "timed out"
    if isinstance(error, requests.ConnectionError):
        return "connection failed or was cut"
    return type(error).__name__
