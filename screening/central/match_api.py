"""JSON endpoints on candidate matches, for the staff console to mount behind its own login.

They show names and dates of birth, so nothing here is mounted without a staff check: the
console passes ``staff``, a FastAPI dependency that returns the logged-in staff member's name
(and refuses anyone else, CSRF included for the POSTs)::

    app.include_router(match_api.router(central, staff=require_staff), prefix="/console/api")

    GET  /matches?status=pending|confirmed|rejected|all   -> [candidate, ...]
    GET  /matches/{id}                                     -> candidate
    POST /matches/{id}/confirm   POST /matches/{id}/reject -> candidate, as decided

A candidate is ``matches.describe``'s dict: id, interview_a, interview_b, reason, status,
found_at, decided_by, decided_at and ``interviews`` (both sides described)."""

# No "from __future__ import annotations" here: FastAPI must see the ``Staff`` dependency of
# each route when it is defined, and a string annotation naming a local cannot be resolved.
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool

from screening.central import matches
from screening.central.service import Central


def router(central: Central, staff: Callable[..., str]) -> APIRouter:
    api = APIRouter()
    Staff = Annotated[str, Depends(staff)]  # a type alias, so named like a class

    @api.get("/matches")
    async def listing(_who: Staff, status: str = "pending") -> list[dict[str, Any]]:
        chosen = None if status == "all" else status
        return await run_in_threadpool(matches.list_candidates, central, chosen)

    @api.get("/matches/{match_id}")
    async def one(match_id: int, _who: Staff) -> dict[str, Any]:
        return await run_in_threadpool(matches.get_candidate, central, match_id)

    @api.post("/matches/{match_id}/confirm")
    async def confirm(match_id: int, who: Staff) -> dict[str, Any]:
        return await run_in_threadpool(matches.decide, central, match_id, "confirmed", who)

    @api.post("/matches/{match_id}/reject")
    async def reject(match_id: int, who: Staff) -> dict[str, Any]:
        return await run_in_threadpool(matches.decide, central, match_id, "rejected", who)

    return api
