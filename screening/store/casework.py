"""Interviews within a session: autosave, the review workflow, paper import and retention.
Officers reach only their own interviews; supervisors reach every one."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from screening import lifecycle
from screening.errors import (
    InterviewNotFoundError,
    InterviewSealedError,
    InterviewStateError,
    ReauthenticationNeededError,
    ReferralRuleError,
    StoreError,
)
from screening.store import audit, connection, interviews, settings
from screening.store.interviews import InterviewSummary, StoredInterview
from screening.store.sessionbase import SessionBase

# personal data leaving the store: these need a recent password (docs/design.md §4)
LEAVING_THE_STORE = ("interview_printed", "interview_exported", "slip_printed", "record_printed",
                     "report_exported")
# the slip goes to an outside organisation and the statistics to partners: a supervisor's call
SUPERVISOR_ONLY = {"slip_printed": "print a referral slip",
                   "report_exported": "export the quarterly statistics"}


class Casework(SessionBase):
    # ----- interviews ----------------------------------------------------------------------

    def start_interview(self, form_id: str, form_version: str,
                        prefilled: Mapping[str, Any] | None = None) -> str:
        """A new draft on the given form version, with the answers the application fills in
        (``navigation.prefill``): one transaction, so a failure leaves no interview rather
        than one with half its prefilled answers. Returns the interview's id."""
        at = self._now()
        record = StoredInterview(id=str(uuid.uuid4()), form_id=form_id,
                                 form_version=form_version, checkpoint=self.checkpoint_code(),
                                 officer=self.account.name, created_at=at, updated_at=at,
                                 status=lifecycle.DRAFT, answers={}, assessment=None,
                                 outcome=None, revision=0)
        with connection.transaction(self.conn):
            interviews.insert(self.conn, self.keys, record)
            audit.append(self.conn, self.account.name, "interview_created", record.id, {}, at)
            for question_id, value in (prefilled or {}).items():
                # the autosave's own statement, so each prefilled answer is a revision as if
                # it had been typed in, with the same check of the question id
                interviews.save_answer(self.conn, self.keys, record.id, None, question_id,
                                       value, at)
        return record.id

    def save_answer(self, interview_id: str, question_id: str, value: Any) -> int:
        """Autosave: one answer, one committed transaction. Returns the new revision."""
        officer = None if self.is_supervisor else self.account.name
        with connection.transaction(self.conn):
            revision = interviews.save_answer(self.conn, self.keys, interview_id, officer,
                                              question_id, value, self._now())
        if revision is None:
            self.get_interview(interview_id)  # raises not found / not yours
            raise InterviewStateError(code="interview_locked")
        return revision

    def get_interview(self, interview_id: str) -> StoredInterview:
        found = interviews.get(self.conn, interview_id)
        # an officer asking for someone else's interview learns nothing, not even that it exists
        if found is None or not (self.is_supervisor or found[0].officer == self.account.name):
            raise InterviewNotFoundError(id=interview_id)
        record = interviews.opened(self.keys, found)
        if record is None:
            raise InterviewSealedError(id=interview_id)
        return record

    def list_interviews(self, search: str | None = None, limit: int = 100,
                        offset: int = 0) -> list[InterviewSummary]:
        officer = None if self.is_supervisor else self.account.name
        if self.keys.private_keys and self.keys.readers_changed():
            # someone got a key pair meanwhile (an officer's first login since the upgrade):
            # hand them the keys this session holds for them, without waiting for a login
            with connection.transaction(self.conn):
                self.keys.complete()
        return interviews.summaries(self.conn, self.keys, officer, search, limit, offset,
                                    self._names)

    def finalise(self, interview_id: str) -> StoredInterview:
        record = self.get_interview(interview_id)
        if not lifecycle.is_editable(record.status):
            raise InterviewStateError(code="interview_not_editable", status=record.status)
        scored = self._score(record, record.answers)
        if not scored.can_finalise:
            raise InterviewStateError(code="interview_incomplete",
                                      problems=summarise(scored.problem_texts))
        self._change_status(record, "finalised", "interview_finalised", scored.assessment,
                            scored.outcome)
        return self.get_interview(interview_id)

    def return_for_correction(self, interview_id: str, reason: str) -> None:
        record = self._under_review(interview_id)
        self._change_status(record, "returned_for_correction", "interview_returned", None, None,
                            {"reason_given": bool(reason)})

    def choose_organisation(self, interview_id: str, organisation: str) -> None:
        """The supervisor confirms or changes the receiving organisation before the slip.

        Only on a finalised interview, only to an organisation of the reference directory and
        only where the rules of docs/questionnaire-standard.md §3 still hold (else
        ReferralRuleError, with the reason); the change is a new revision, audited with the old
        and new choice."""
        self._require_supervisor("choose the receiving organisation")
        record = self.get_interview(interview_id)
        known = self.forms.reference().organisations
        if organisation not in known:
            raise InterviewStateError(code="organisation_unknown", organisation=organisation,
                                      known=sorted(known))
        previous = record.answers.get("referral_organisation")
        if previous == organisation:
            return
        if record.status != lifecycle.FINALISED:
            raise InterviewStateError(code="organisation_after_approval", status=record.status)
        self._keep_referral_rules(record, {**record.answers,
                                           "referral_organisation": organisation})
        with connection.transaction(self.conn):
            at = self._now()
            if not interviews.set_organisation(self.conn, self.keys, interview_id, organisation,
                                               at):
                raise InterviewStateError(code="organisation_after_approval",
                                          status=record.status)
            audit.append(self.conn, self.account.name, "organisation_chosen", interview_id,
                         {"from": previous, "to": organisation}, at)

    def approve(self, interview_id: str) -> None:
        """Approve a finalised interview; refused with ReferralRuleError when its referral
        breaks a rule of docs/questionnaire-standard.md §3, as finalising would be."""
        record = self._under_review(interview_id)
        self._keep_referral_rules(record, record.answers)
        self._change_status(record, "approved", "interview_approved", None, None, {})

    def _under_review(self, interview_id: str) -> StoredInterview:
        self._require_supervisor("review an interview")
        record = self.get_interview(interview_id)
        if record.status != lifecycle.FINALISED:
            raise InterviewStateError(code="interview_not_finalised", status=record.status)
        return record

    def _keep_referral_rules(self, record: StoredInterview, answers: Mapping[str, Any]
                             ) -> None:
        """The engine's §3 rules (screening.questionnaire.actions), with the interview's own
        form: at review exactly as at finalisation."""
        broken = self._score(record, answers).blocking_actions
        if broken:
            raise ReferralRuleError(broken)

    def _score(self, record: StoredInterview, answers: Mapping[str, Any]) -> Any:
        """Scored with the interview's own form version (finalising and review alike)."""
        return score_answers(answers,
                             self.forms.for_version(record.form_id, record.form_version))

    def _change_status(self, record: StoredInterview, status: str, action: str,
                       assessment: dict[str, Any] | None, outcome: str | None,
                       detail: dict[str, Any] | None = None) -> None:
        with connection.transaction(self.conn):
            at = self._now()
            interviews.set_status(self.conn, self.keys, record.id, status, at, assessment,
                                  outcome)
            audit.append(self.conn, self.account.name, action, record.id,
                         {"from": record.status, **(detail or {})}, at)

    def import_finalised(self, answers: Mapping[str, Any]) -> str:
        """Store an interview captured on paper: validated, scored and finalised at once."""
        if not isinstance(answers, Mapping):
            raise InterviewStateError(code="record_not_object")
        scored = score_answers(answers, self.forms.for_new_interview())
        if not scored.can_finalise:
            raise InterviewStateError(code="record_incomplete",
                                      problems=summarise(scored.problem_texts))
        at = self._now()
        record = StoredInterview(id=str(uuid.uuid4()), form_id=scored.form_id,
                                 form_version=scored.form_version,
                                 checkpoint=self.checkpoint_code(), officer=self.account.name,
                                 created_at=at, updated_at=at, status=lifecycle.FINALISED,
                                 answers=scored.answers, assessment=scored.assessment,
                                 outcome=scored.outcome, revision=1)
        with connection.transaction(self.conn):
            interviews.insert(self.conn, self.keys, record)
            audit.append(self.conn, self.account.name, "interview_imported", record.id,
                         {"source": "paper"}, at)
        return record.id

    def record_event(self, action: str, interview_id: str) -> None:
        """Audit an outside action on an interview (printed, exported). Personal data leaving
        the store needs a recent password: call confirm_password first when asked."""
        self.get_interview(interview_id)
        self.check_allowed(action)
        with connection.transaction(self.conn):
            audit.append(self.conn, self.account.name, action, interview_id)

    def check_allowed(self, action: str) -> None:
        """Raise unless this account may do ``action`` now: first the role, then a recent
        password. Call it before building a document, so a refusal costs nothing."""
        if action in SUPERVISOR_ONLY:
            self._require_supervisor(SUPERVISOR_ONLY[action])
        if action in LEAVING_THE_STORE and not self.recently_authenticated():
            raise ReauthenticationNeededError()

    # ----- retention -----------------------------------------------------------------------

    def mark_acknowledged(self, interview_id: str, revision: int) -> None:
        """Central has confirmed it holds ``revision`` (called by sync). Retention counts from
        the acknowledgement of the current revision only; an older one (a correction made
        since) changes nothing."""
        self.acknowledge_revisions([(interview_id, revision)], strict=True)

    def acknowledge_revisions(self, held: list[tuple[str, int]], strict: bool = False
                              ) -> int:
        """Central holds each (interview id, revision): one transaction, one audit entry per
        acknowledgement that is news. ``strict`` raises for an unknown id; the sync's
        re-reading of old receipts skips ids purged or gone. Returns how many were news."""
        news = 0
        with connection.transaction(self.conn):
            at = self._now()
            for interview_id, revision in held:
                found = interviews.mark_acknowledged(self.conn, interview_id, revision, at)
                if found is None and strict:
                    raise InterviewNotFoundError(id=interview_id)
                if found:
                    news += 1
                    audit.append(self.conn, self.account.name, "interview_acknowledged",
                                 interview_id, {"revision": revision}, at)
        return news

    def retention_days(self) -> int:
        value = settings.get_setting(self.conn, settings.RETENTION_DAYS)
        return int(value) if value is not None else settings.DEFAULT_RETENTION_DAYS

    def set_retention_days(self, days: int) -> None:
        self._require_supervisor("change the retention period")
        if days < 0:
            raise StoreError(code="setting_invalid")
        with connection.transaction(self.conn):
            settings.set_setting(self.conn, settings.RETENTION_DAYS, str(days))
            audit.append(self.conn, self.account.name, "retention_changed", None,
                         {"days": days})

    def purge_expired(self) -> list[str]:
        """Drop the personal data of interviews whose current revision central acknowledged
        over N days ago (interviews.purge_acknowledged_before says which)."""
        now = dt.datetime.fromtimestamp(self._clock(), dt.UTC)
        cutoff = (now - dt.timedelta(days=self.retention_days())).isoformat(
            timespec="microseconds")
        with connection.transaction(self.conn):
            purged = interviews.purge_acknowledged_before(self.conn, self.keys, cutoff,
                                                          self._now())
            for interview_id in purged:
                audit.append(self.conn, None, "interview_purged", interview_id)
        return purged


def score_answers(answers: Mapping[str, Any], resolved: Any) -> Any:
    # imported when first needed: the questionnaire engine (YAML, JSON Schema) would otherwise
    # add a sixth of a second to every login, for sessions that never finalise
    from screening.store.assessments import score

    return score(answers, resolved)


def summarise(problems: Mapping[str, list[str]], shown: int = 5) -> dict[str, str]:
    """The first few problems in each language (a message parameter read in the reader's)."""
    more = {"en": "; and {n} more", "sq": "; dhe {n} të tjera"}
    return {lang: "; ".join(texts[:shown])
            + (more[lang].format(n=len(texts) - shown) if len(texts) > shown else "")
            for lang, texts in problems.items()}

