"""The workstation's HTTP client for central, on ``requests``: timeouts on every call, retries
with exponential backoff and full jitter, the server's certificate checked against the CA
bundle received at enrolment, and no acknowledgement without a signed receipt that verifies
(a captive portal's 200 page proves nothing)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from screening import crypto
from screening.errors import ScreeningError
from screening.sync import wire


class SyncError(ScreeningError):
    code = "sync_error"


class CentralUnreachableError(SyncError):
    """Central could not be reached, or answered nothing usable, after every retry."""

    code = "central_unreachable"


class CentralRefusedError(SyncError):
    """Central answered with a definite refusal (a JSON error code); retrying will not help."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(f"central refused: {message} ({code}, HTTP {status})", code=code)
        self.status = status


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
        self.base = server_url.rstrip("/")
        self.session = requests.Session()
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
            raise _refusal(response) or CentralUnreachableError(
                f"central answered HTTP {response.status_code} without an explanation")
        try:
            return wire.parse_enrol_response(response.json())
        except ValueError:
            raise CentralUnreachableError("central's answer is not an enrolment response"
                                          ) from None

    def send_batch(self, raw: bytes, central_key: crypto.Ed25519PublicKey
                   ) -> list[wire.InterviewResult]:
        """Upload one batch until a receipt for exactly it verifies. Safe to repeat: central
        answers the same batch with the same receipt."""
        header = wire.parse_batch(raw).header
        last = "no attempt made"
        for attempt in range(self.retry.attempts):
            if attempt:
                self.sleep(self.retry.delay(attempt - 1, self.rng))
            try:
                response = self.session.post(
                    f"{self.base}/v1/batches", data=raw, timeout=self._timeout(),
                    verify=self.verify, allow_redirects=False,
                    headers={"Content-Type": "application/octet-stream"})
            except requests.RequestException as error:
                last = _why(error)
                continue
            if response.status_code == 200:
                try:
                    return wire.verify_receipt(response.content, central_key,
                                               batch_id=header.batch_id,
                                               content_hash=header.content_hash)
                except (wire.WireError, crypto.CryptoError) as error:
                    last = f"an answer that is not central's receipt ({error.code})"
                    continue
            refusal = _refusal(response)
            if refusal is not None and refusal.code != "busy" and response.status_code < 500:
                raise refusal
            last = f"HTTP {response.status_code}"
        raise CentralUnreachableError(f"central did not acknowledge the batch after "
                                      f"{self.retry.attempts} attempts (last: {last})")

    def _timeout(self) -> tuple[float, float]:
        return (self.timeouts.connect, self.timeouts.read)


def _refusal(response: requests.Response) -> CentralRefusedError | None:
    """Central's JSON refusal, or None when the answer came from something else (a proxy's
    or captive portal's page), which is worth retrying."""
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("error"), str):
        return None
    return CentralRefusedError(body["error"], str(body.get("message", "")),
                               response.status_code)


def _why(error: requests.RequestException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return "the server's certificate is not the one central's CA issued"
    if isinstance(error, requests.Timeout):
        return "timed out"
    if isinstance(error, requests.ConnectionError):
        return "connection failed or was cut"
    return type(error).__name__
