"""Every word the staff console shows, in Albanian and in English: the one catalogue the
templates (``t("key")``) and the routes (a key, never a sentence) read.

Albanian comes first and is the default; it uses the terms of the National Referral Mechanism
(docs/glossary.md). A key ending ``.one`` / ``.other`` is a pair chosen by a count
(``plural``). ``{name}`` in a text is filled from the caller's values; a whole number is
written the locale's way (``1.234`` / ``1,234``). Words the documents already hold (interview
statuses, audit actions) are read from ``screening.reports.wording``, their one home."""

from __future__ import annotations

from typing import Any

from screening.reports import wording

LANGUAGES = ("sq", "en")
DEFAULT = "sq"
NAMES = {"sq": "Shqip", "en": "English"}  # each language in its own words, for the switch

MESSAGES: dict[str, dict[str, str]] = {
    # -- every page ------------------------------------------------------------------------
    "brand": {"sq": "Verifikimi i të kthyerve", "en": "Returnee Screening"},
    "brand.sub": {"sq": "Autoriteti Përgjegjës", "en": "Responsible Authority"},
    "title.default": {"sq": "Konsola", "en": "Console"},
    "skip": {"sq": "Kalo te përmbajtja", "en": "Skip to content"},
    "nav.label": {"sq": "Konsola", "en": "Console"},
    "nav.batches": {"sq": "Paketat", "en": "Batches"},
    "nav.devices": {"sq": "Pajisjet", "en": "Devices"},
    "nav.checkpoints": {"sq": "Pikat kufitare", "en": "Checkpoints"},
    "nav.cases": {"sq": "Rastet", "en": "Cases"},
    "nav.matches": {"sq": "Përputhjet", "en": "Matches"},
    "nav.notices": {"sq": "Njoftimet", "en": "Notices"},
    "nav.statistics": {"sq": "Statistikat", "en": "Statistics"},
    "nav.referrals": {"sq": "Referimet", "en": "Referrals"},
    "logout": {"sq": "Dil", "en": "Log out"},
    "role.admin": {"sq": "administrator", "en": "admin"},
    "role.viewer": {"sq": "vetëm shikim", "en": "viewer"},
    "role.consular": {"sq": "staf konsullor", "en": "consular staff"},
    "role.caseworker": {"sq": "punonjës rasti", "en": "case worker"},
    "role.partner": {"sq": "organizatë partnere", "en": "partner"},
    "role.ministry": {"sq": "ministri", "en": "ministry"},
    "footer": {"sq": "Konfidenciale: të dhëna për viktima të mundshme të trafikimit. Mos i "
                     "printoni dhe mos i ndani jashtë Autoritetit Përgjegjës.",
               "en": "Confidential: data on potential victims of trafficking. Do not print or "
                     "share outside the Responsible Authority."},
    "none": {"sq": "—", "en": "—"},
    "lang.sq": {"sq": "shqip", "en": "Albanian"},
    "lang.en": {"sq": "anglisht", "en": "English"},
    "all": {"sq": "të gjitha", "en": "all"},
    "yes": {"sq": "po", "en": "yes"},
    "no": {"sq": "jo", "en": "no"},
    "col.checkpoint": {"sq": "Pika e kalimit kufitar", "en": "Checkpoint"},
    "col.workstation": {"sq": "Pajisja", "en": "Workstation"},
    "col.status": {"sq": "Statusi", "en": "Status"},
    "col.state": {"sq": "Statusi", "en": "State"},
    "col.last_batch": {"sq": "Paketa e fundit", "en": "Last batch"},
    "col.enrolled": {"sq": "Regjistruar më", "en": "Enrolled"},
    "col.case_reference": {"sq": "Referenca e rastit", "en": "Case reference"},
    "col.interview_date": {"sq": "Data e intervistës", "en": "Interview date"},
    "col.child": {"sq": "Fëmijë", "en": "Child"},
    "col.outcome": {"sq": "Vlerësimi", "en": "Outcome"},
    "col.action": {"sq": "Veprimi", "en": "Action"},
    "pager.label": {"sq": "Faqet", "en": "Pages"},
    "pager.newer": {"sq": "← Më të rejat", "en": "← Newer"},
    "pager.older": {"sq": "Më të vjetrat →", "en": "Older →"},
    "pager.page": {"sq": "Faqja {page} nga {pages}", "en": "Page {page} of {pages}"},
    # times
    "ago.never": {"sq": "asnjëherë", "en": "never"},
    "ago.now": {"sq": "tani", "en": "just now"},
    "ago.minutes": {"sq": "{n} min më parë", "en": "{n} min ago"},
    "ago.hours": {"sq": "{n} orë më parë", "en": "{n} h ago"},
    "ago.days": {"sq": "{n} ditë më parë", "en": "{n} days ago"},
    # -- login -----------------------------------------------------------------------------
    "login.title": {"sq": "Hyrja", "en": "Log in"},
    "login.heading": {"sq": "Hyrja e stafit", "en": "Staff login"},
    "login.name": {"sq": "Emri", "en": "Name"},
    "login.password": {"sq": "Fjalëkalimi", "en": "Password"},
    "login.submit": {"sq": "Hyr", "en": "Log in"},
    # administrators wait a minute, others up to LOCK_MINUTES: "up to" is true of both
    "login.refused": {"sq": "Emër ose fjalëkalim i gabuar, ose llogaria është bllokuar deri në "
                            "{minutes} minuta pas shumë përpjekjeve të gabuara.",
                      "en": "Wrong name or password, or the account is locked for up to "
                            "{minutes} minutes after too many attempts."},
    # -- batches ---------------------------------------------------------------------------
    "batches.title": {"sq": "Paketat", "en": "Batches"},
    "batches.heading": {"sq": "Paketat e marra", "en": "Batch inbox"},
    "batches.count.one": {"sq": "{n} paketë e marrë", "en": "{n} batch received"},
    "batches.count.other": {"sq": "{n} paketa të marra", "en": "{n} batches received"},
    "batches.from_device": {"sq": "nga kjo pajisje", "en": "from this workstation"},
    "batches.show_all": {"sq": "shfaqi të gjitha", "en": "show all"},
    "batches.gaps.one": {"sq": "{n} pajisje me paketa që mungojnë në këtë faqe: shihni "
                               "rreshtat e theksuar.",
                         "en": "{n} workstation with missing batches on this page: see the "
                               "highlighted rows."},
    "batches.gaps.other": {"sq": "{n} pajisje me paketa që mungojnë në këtë faqe: shihni "
                                 "rreshtat e theksuar.",
                           "en": "{n} workstations with missing batches on this page: see the "
                                 "highlighted rows."},
    "batches.caption": {"sq": "Paketat e marra, më të rejat së pari",
                        "en": "Batches received, newest first"},
    "batches.col.received": {"sq": "Marrë më", "en": "Received"},
    "batches.col.sequence": {"sq": "Nr. rendor", "en": "Sequence"},
    "batches.col.interviews": {"sq": "Intervista", "en": "Interviews"},
    "batches.via_file": {"sq": "skedar", "en": "file"},
    "batches.missing_one": {"sq": "mungon #{first}", "en": "#{first} missing"},
    "batches.missing_range": {"sq": "mungojnë #{first}–#{last}",
                              "en": "#{first}–#{last} missing"},
    "batches.empty": {"sq": "Ende nuk ka mbërritur asnjë paketë. Një pajisje regjistrohet te "
                            "faqja",
                      "en": "No batch has arrived yet. Enrol a workstation on the page"},
    "batch.accepted": {"sq": "pranuar", "en": "accepted"},
    # what became of a batch's interviews (a count of each; Albanian agrees with "intervista")
    "result.stored.one": {"sq": "{n} e ruajtur", "en": "{n} stored"},
    "result.stored.other": {"sq": "{n} të ruajtura", "en": "{n} stored"},
    "result.duplicate.one": {"sq": "{n} e marrë më parë", "en": "{n} duplicate"},
    "result.duplicate.other": {"sq": "{n} të marra më parë", "en": "{n} duplicate"},
    "result.superseded.one": {"sq": "{n} e vjetruar", "en": "{n} superseded"},
    "result.superseded.other": {"sq": "{n} të vjetruara", "en": "{n} superseded"},
    "result.refused.one": {"sq": "{n} e refuzuar", "en": "{n} refused"},
    "result.refused.other": {"sq": "{n} të refuzuara", "en": "{n} refused"},
    "device.revoked": {"sq": "revokuar", "en": "revoked"},
    "device.revoked_at": {"sq": "revokuar më {when}", "en": "revoked {when}"},
    "device.active": {"sq": "aktive", "en": "active"},
    # -- devices ---------------------------------------------------------------------------
    "devices.title": {"sq": "Pajisjet", "en": "Devices"},
    "devices.heading": {"sq": "Pajisjet", "en": "Workstations"},
    "devices.caption": {"sq": "Pajisjet e regjistruara", "en": "Enrolled workstations"},
    "devices.col.batches": {"sq": "Paketat", "en": "Batches"},
    "devices.missing.one": {"sq": "{n} mungon", "en": "{n} missing"},
    "devices.missing.other": {"sq": "{n} mungojnë", "en": "{n} missing"},
    "devices.revoke": {"sq": "Revoko…", "en": "Revoke…"},
    "devices.empty": {"sq": "Ende nuk është regjistruar asnjë pajisje.",
                      "en": "No workstation is enrolled yet."},
    "devices.pending": {"sq": "Kodet e regjistrimit në pritje", "en": "Pending enrolment codes"},
    "devices.col.created": {"sq": "Krijuar më", "en": "Created"},
    "devices.col.expires": {"sq": "Skadon më", "en": "Expires"},
    "devices.fingerprint": {"sq": "Sistemi qendror ruan vetëm gjurmën digjitale të çdo kodi: "
                                  "një kod shfaqet vetëm një herë, kur krijohet.",
                            "en": "Central keeps only a fingerprint of each code: a code is "
                                  "shown once, when it is made."},
    "devices.no_pending": {"sq": "Asnjë kod i papërdorur nuk është në pritje.",
                           "en": "No unused code is waiting."},
    "devices.enrol": {"sq": "Regjistro një pajisje", "en": "Enrol a workstation"},
    "devices.example": {"sq": "p.sh. TIA", "en": "e.g. TIA"},
    "devices.hours": {"sq": "E vlefshme për (orë)", "en": "Valid for (hours)"},
    "devices.create": {"sq": "Krijo një kod njëpërdorimësh", "en": "Create a one-time code"},
    "devices.done.revoked": {"sq": "Pajisja u revokua: sistemi qendror refuzon paketat e saj "
                                   "që tani e tutje.",
                             "en": "The workstation was revoked: central refuses its batches "
                                   "from now on."},
    # -- enrolment code --------------------------------------------------------------------
    "code.title": {"sq": "Kodi i regjistrimit", "en": "Enrolment code"},
    "code.heading": {"sq": "Kodi i regjistrimit për {checkpoint}",
                     "en": "Enrolment code for {checkpoint}"},
    "code.valid.one": {"sq": "I vlefshëm një herë, për {hours} orë. Jepjani mbikëqyrësit të "
                             "pajisjes me telefon ose personalisht;",
                       "en": "Valid once, for {hours} hour. Give it to the workstation's "
                             "supervisor by phone or in person;"},
    "code.valid.other": {"sq": "I vlefshëm një herë, për {hours} orë. Jepjani mbikëqyrësit "
                               "të pajisjes me telefon ose personalisht;",
                         "en": "Valid once, for {hours} hours. Give it to the workstation's "
                               "supervisor by phone or in person;"},
    "code.only_now": {"sq": "shfaqet vetëm tani", "en": "it is shown only now"},
    "code.kept": {"sq": "— sistemi qendror ruan vetëm gjurmën e tij digjitale.",
                  "en": "— central keeps only its fingerprint."},
    "code.back": {"sq": "Kthehu te pajisjet", "en": "Back to the workstations"},
    # -- revoke ----------------------------------------------------------------------------
    "revoke.title": {"sq": "Revoko një pajisje", "en": "Revoke a workstation"},
    "revoke.heading": {"sq": "Të revokohet kjo pajisje?", "en": "Revoke this workstation?"},
    "revoke.warning": {"sq": "Sistemi qendror do të refuzojë çdo paketë të mëvonshme prej saj. "
                             "Kjo nuk mund të zhbëhet: pajisja duhet regjistruar përsëri me "
                             "një kod të ri.",
                       "en": "Central will refuse every later batch from it. This cannot be "
                             "undone: the workstation has to be enrolled again with a new "
                             "code."},
    "revoke.submit": {"sq": "Revoko pajisjen", "en": "Revoke the workstation"},
    "revoke.cancel": {"sq": "Anulo", "en": "Cancel"},
    # -- checkpoints -----------------------------------------------------------------------
    "checkpoints.title": {"sq": "Pikat e kalimit kufitar", "en": "Checkpoints"},
    "checkpoints.heading": {"sq": "Pikat e kalimit kufitar", "en": "Checkpoints"},
    "checkpoints.lead": {"sq": "Një pikë e kalimit kufitar është pa sinjal kur asnjë nga "
                               "pajisjet e saj aktive nuk ka dërguar paketë për më shumë se "
                               "{hours} orë.",
                         "en": "A checkpoint is quiet when none of its active workstations "
                               "has sent a batch for more than {hours} hours."},
    "checkpoints.quiet_count": {"sq": "{n} pa sinjal.", "en": "{n} quiet."},
    "checkpoints.col.devices": {"sq": "Pajisjet", "en": "Workstations"},
    "checkpoint.quiet": {"sq": "pa sinjal", "en": "quiet"},
    "checkpoint.sending": {"sq": "po dërgon", "en": "sending"},
    "checkpoints.empty": {"sq": "Asnjë pajisje aktive nuk është e regjistruar.",
                          "en": "No active workstation is enrolled."},
    # -- cases -----------------------------------------------------------------------------
    "cases.title": {"sq": "Rastet", "en": "Cases"},
    "cases.heading": {"sq": "Rastet", "en": "Cases"},
    "cases.quarter": {"sq": "Tremujori", "en": "Quarter"},
    "cases.children": {"sq": "fëmijë", "en": "children"},
    "cases.adults": {"sq": "të rritur", "en": "adults"},
    "cases.filter": {"sq": "Filtro", "en": "Filter"},
    "cases.clear": {"sq": "Pastro", "en": "Clear"},
    "cases.by_reference": {"sq": "Hap një rast me referencën e tij",
                           "en": "Open a case by reference"},
    "cases.open": {"sq": "Hap", "en": "Open"},
    "cases.not_found": {"sq": "Sistemi qendror nuk ka rast {ref}.",
                        "en": "No case {ref} at central."},
    "cases.count.one": {"sq": "{n} rast.", "en": "{n} case."},
    "cases.count.other": {"sq": "{n} raste.", "en": "{n} cases."},
    "case.child": {"sq": "fëmijë", "en": "child"},
    "case.adult": {"sq": "i rritur", "en": "adult"},
    "case.not_counted": {"sq": "nuk numërohet", "en": "not counted"},
    "cases.empty": {"sq": "Asnjë rast nuk përputhet.", "en": "No case matches."},
    # -- a case ----------------------------------------------------------------------------
    "case.title": {"sq": "Rasti {ref}", "en": "Case {ref}"},
    "case.all": {"sq": "← Të gjitha rastet", "en": "← All cases"},
    "case.heading": {"sq": "Rasti", "en": "Case"},
    "case.summary": {"sq": "Përmbledhje", "en": "Summary"},
    "case.status": {"sq": "{status}, revizioni {revision}",
                    "en": "{status}, revision {revision}"},
    "case.form": {"sq": "Formulari", "en": "Form"},
    "case.received": {"sq": "Marrë më", "en": "Received"},
    "case.received_from": {"sq": "{when} nga {label}", "en": "{when} from {label}"},
    "case.problem": {"sq": "Nuk numërohet në statistika: përgjigjet e kësaj interviste nuk "
                           "mund të vlerësohen.",
                     "en": "Not counted in the statistics: the answers of this interview "
                           "cannot be evaluated."},
    "case.problem_detail": {"sq": "Arsyeja teknike (për mbështetjen e IT-së)",
                            "en": "Technical reason (for IT support)"},
    "case.record": {"sq": "Procesverbali i intervistës", "en": "Interview record"},
    "case.record_note": {"sq": "Procesverbali i plotë për dosjen e mbyllur të rastit: çdo "
                               "përgjigje, vlerësimi dhe gjurma e auditimit. Çdo shkarkim "
                               "regjistrohet.",
                         "en": "The full record for the locked case file: every answer, the "
                               "assessment and the audit trail. Downloading it is logged."},
    "case.record_sq": {"sq": "Shkarko procesverbalin (shqip)", "en": "Record PDF (Albanian)"},
    "case.record_en": {"sq": "Shkarko procesverbalin (anglisht)",
                       "en": "Record PDF (English)"},
    "case.trail": {"sq": "Gjurma e auditimit", "en": "Audit trail"},
    "case.col.when": {"sq": "Kur", "en": "When"},
    "case.col.who": {"sq": "Kush", "en": "Who"},
    "case.col.what": {"sq": "Çfarë", "en": "What"},
    "case.no_trail": {"sq": "Me këtë intervistë nuk erdhi asnjë regjistrim auditimi.",
                      "en": "No audit entries arrived with this interview."},
    # -- matches ---------------------------------------------------------------------------
    "matches.title": {"sq": "Përputhjet", "en": "Matches"},
    "matches.heading": {"sq": "Përputhje të mundshme për viktima të përsëritura",
                        "en": "Candidate repeat-victim matches"},
    "matches.show": {"sq": "Shfaq", "en": "Show"},
    "matches.lead": {"sq": "Dy intervista që mund t'i përkasin të njëjtit person. Konfirmojeni "
                           "vetëm kur është kështu: atëherë intervista e mëvonshme numërohet "
                           "si viktimë e përsëritur në statistikat tremujore (kur e para gjeti "
                           "një viktimë të mundshme të trafikimit).",
                     "en": "Two interviews that may be the same person. Confirm only when they "
                           "are: the later interview then counts as a repeat victim in the "
                           "quarterly statistics (when the earlier one found a suspected or "
                           "presumed victim)."},
    "match.heading": {"sq": "Përputhja {id}", "en": "Match {id}"},
    "match.reason": {"sq": "Arsyeja", "en": "Reason"},
    "match.found": {"sq": "gjetur më {when}", "en": "found {when}"},
    "match.caption": {"sq": "Dy intervistat e përputhjes {id}",
                      "en": "The two interviews of match {id}"},
    "match.field": {"sq": "Fusha", "en": "Field"},
    "match.interview": {"sq": "Intervista {n}", "en": "Interview {n}"},
    "match.date": {"sq": "Data", "en": "Date"},
    "match.name": {"sq": "Emri", "en": "Name"},
    "match.birth": {"sq": "Datëlindja / mosha", "en": "Date of birth / age"},
    "match.about": {"sq": "rreth {age}", "en": "about {age}"},
    "match.document": {"sq": "Numri i dokumentit", "en": "Document number"},
    "match.decided": {"sq": "Vendimi: {status}, nga {who}, {when}",
                      "en": "Decided: {status} by {who}, {when}"},
    "match.confirm": {"sq": "Konfirmo: i njëjti person", "en": "Confirm: same person"},
    "match.reject": {"sq": "Refuzo: persona të ndryshëm", "en": "Reject: different people"},
    "matches.empty": {"sq": "Asnjë përputhje e mundshme.", "en": "No candidate match."},
    "matches.empty_status": {"sq": "Asnjë përputhje e mundshme me statusin «{status}».",
                             "en": "No {status} candidate match."},
    "match.status.pending": {"sq": "në pritje", "en": "pending"},
    "match.status.confirmed": {"sq": "konfirmuar", "en": "confirmed"},
    "match.status.rejected": {"sq": "refuzuar", "en": "rejected"},
    "match.status.all": {"sq": "të gjitha", "en": "all"},
    "match.reason.document_number": {"sq": "i njëjti numër dokumenti",
                                     "en": "same document number"},
    "match.reason.name_birth_date": {"sq": "i njëjti emër, datëlindje e afërt",
                                     "en": "same name, close date of birth"},
    "match.reason.name_age": {"sq": "i njëjti emër, moshë e afërt",
                              "en": "same name, close age"},
    "matches.done.confirmed": {"sq": "Përputhja u konfirmua: intervista e mëvonshme numërohet "
                                     "si viktimë e përsëritur në statistika.",
                               "en": "The match was confirmed: the later interview counts as a "
                                     "repeat victim in the statistics."},
    "matches.done.rejected": {"sq": "Përputhja u refuzua.", "en": "The match was rejected."},
    # -- advance notice of returns ---------------------------------------------------------
    "notices.title": {"sq": "Njoftimet e kthimeve", "en": "Notices of returns"},
    "notices.heading": {"sq": "Njoftime paraprake për kthimet", "en": "Advance notice of returns"},
    "notices.suggestions": {"sq": "Mbërritje të mundshme për t'u konfirmuar",
                            "en": "Possible arrivals to confirm"},
    "notices.suggestions.lead": {"sq": "Një intervistë që mund të jetë mbërritja e personit të "
                                       "njoftuar: emri dhe data e lindjes përputhen. "
                                       "Konfirmojeni vetëm kur jeni i sigurt se është i njëjti "
                                       "person.",
                                 "en": "An interview that may be the arrival of the notified "
                                       "person: the name and date of birth match. Confirm only "
                                       "when you are sure it is the same person."},
    "notices.suggestions.empty": {"sq": "Asnjë mbërritje e mundshme për t'u konfirmuar.",
                                  "en": "No possible arrival to confirm."},
    "notices.suggestion": {"sq": "Mbërritja e mundshme {id}", "en": "Possible arrival {id}"},
    "notices.notice": {"sq": "Njoftimi", "en": "The notice"},
    "notices.interview": {"sq": "Intervista", "en": "The interview"},
    "notices.expected": {"sq": "Data e pritur", "en": "Expected"},
    "notices.overdue": {"sq": "Njoftime pa mbërritje", "en": "Notices with no arrival"},
    "notices.overdue.lead": {"sq": "Data e pritur ka kaluar dhe asnjë intervistë nuk u lidh me "
                                   "njoftimin.",
                             "en": "The expected date has passed and no interview was linked "
                                   "to the notice."},
    "notices.overdue.empty": {"sq": "Çdo njoftim i kaluar ka një mbërritje.",
                              "en": "Every past notice has an arrival."},
    "notices.recent": {"sq": "Njoftimet e 30 ditëve të fundit dhe ato që vijnë",
                       "en": "Notices of the last 30 days and those to come"},
    "notices.recent.empty": {"sq": "Asnjë njoftim.", "en": "No notice."},
    "notices.notified_by": {"sq": "Njoftuar nga", "en": "Notified by"},
    "notices.travel": {"sq": "Fluturimi ose kalimi", "en": "Flight or crossing"},
    "notices.suspected": {"sq": "Dyshimi", "en": "Suspected"},
    "notices.victim": {"sq": "viktimë e mundshme e trafikimit",
                       "en": "potential victim of trafficking"},
    "notices.child": {"sq": "fëmijë", "en": "child"},
    "notices.state": {"sq": "Gjendja", "en": "State"},
    "notices.state.started": {"sq": "mbërriti (intervista nisi nga njoftimi)",
                              "en": "arrived (the interview started from the notice)"},
    "notices.state.confirmed": {"sq": "mbërriti (e konfirmoi stafi)",
                                "en": "arrived (confirmed by staff)"},
    "notices.state.expected": {"sq": "pritet", "en": "expected"},
    "notices.state.overdue": {"sq": "pa mbërritje", "en": "no arrival"},
    "notices.confirm": {"sq": "Konfirmo mbërritjen", "en": "Confirm the arrival"},
    "notices.reject": {"sq": "Nuk është ky person", "en": "Not this person"},
    "notices.done.confirmed": {"sq": "Mbërritja u konfirmua: njoftimi u lidh me intervistën.",
                               "en": "The arrival was confirmed: the notice is linked to the "
                                     "interview."},
    "notices.field.checkpoint": {"sq": "Pika e kalimit kufitar", "en": "Checkpoint"},
    "notices.field.expected_date": {"sq": "Data e pritur", "en": "Expected date"},
    "notices.field.given_name": {"sq": "Emri", "en": "Given name"},
    "notices.field.family_name": {"sq": "Mbiemri", "en": "Family name"},
    "notices.field.date_of_birth": {"sq": "Data e lindjes", "en": "Date of birth"},
    "notices.field.age": {"sq": "Mosha (kur data e lindjes nuk dihet)",
                          "en": "Age (when the date of birth is not known)"},
    "notices.field.sex": {"sq": "Gjinia", "en": "Sex"},
    "notices.field.nationality": {"sq": "Shtetësia (kodi ISO, p.sh. AL)",
                                  "en": "Nationality (ISO code, e.g. AL)"},
    "notices.field.coming_from": {"sq": "Kthehet nga (kodi ISO, p.sh. DE)",
                                  "en": "Returning from (ISO code, e.g. DE)"},
    "notices.field.travel": {"sq": "Fluturimi ose kalimi", "en": "Flight or crossing"},
    "notices.field.notified_by": {"sq": "Njoftuar nga", "en": "Notified by"},
    "notices.field.victim_suspected": {"sq": "Dyshohet se është viktimë e mundshme e trafikimit",
                                       "en": "A potential victim of trafficking is suspected"},
    "notices.field.child_suspected": {"sq": "Dyshohet se është fëmijë",
                                      "en": "A child is suspected"},
    "notices.field.meet_organisation": {"sq": "Organizata që do ta presë",
                                        "en": "Organisation to meet the person"},
    "notices.field.note": {"sq": "Shënim", "en": "Note"},
    "notices.add": {"sq": "Regjistro një njoftim", "en": "Record a notice"},
    "notices.add.lead": {"sq": "Një njoftim i dytë për të njëjtin person në të njëjtën pikë "
                               "kalimi bashkohet me të parin.",
                         "en": "A second notice of the same person at the same checkpoint is "
                               "merged into the first."},
    "notices.add.submit": {"sq": "Regjistro njoftimin", "en": "Record the notice"},
    "notices.done.added": {"sq": "Njoftimi u regjistrua.", "en": "The notice was recorded."},
    "notices.done.merged": {"sq": "Njoftimi u bashkua me një njoftim të mëparshëm për të "
                                  "njëjtin person.",
                            "en": "The notice was merged into an earlier notice of the same "
                                  "person."},
    "notices.done.rejected": {"sq": "Sugjerimi u refuzua.", "en": "The suggestion was rejected."},
    # -- referrals (the case registry) ------------------------------------------------------
    "referrals.title": {"sq": "Referimet", "en": "Referrals"},
    "referrals.heading": {"sq": "Referimet", "en": "Referrals"},
    "referrals.heading_partner": {"sq": "Referimet për {organisation}",
                                  "en": "Referrals to {organisation}"},
    "referrals.lead_partner": {"sq": "Këtu janë vetëm referimet e drejtuara organizatës suaj. "
                                     "Çdo hapje e një referimi regjistrohet.",
                               "en": "Only the referrals addressed to your organisation are "
                                     "here. Opening one is logged."},
    "referrals.queue_link": {"sq": "Radha e Autoritetit Përgjegjës: të refuzuara dhe me vonesë",
                             "en": "The Responsible Authority's queue: declined and overdue"},
    "referrals.all_organisations": {"sq": "të gjitha organizatat", "en": "all organisations"},
    "referrals.show": {"sq": "Shfaq", "en": "Show"},
    "referrals.count.one": {"sq": "{n} referim.", "en": "{n} referral."},
    "referrals.count.other": {"sq": "{n} referime.", "en": "{n} referrals."},
    "referrals.empty": {"sq": "Asnjë referim nuk përputhet.", "en": "No referral matches."},
    "referrals.caption": {"sq": "Referimet, të ndryshuarat së fundi së pari",
                          "en": "Referrals, most recently changed first"},
    "referrals.open": {"sq": "Hap", "en": "Open"},
    "col.organisation": {"sq": "Organizata", "en": "Organisation"},
    "col.urgent": {"sq": "Urgjent", "en": "Urgent"},
    "col.updated": {"sq": "Ndryshuar më", "en": "Updated"},
    "referral.status.sent": {"sq": "dërguar", "en": "sent"},
    "referral.status.received": {"sq": "marrë", "en": "received"},
    "referral.status.accepted": {"sq": "pranuar", "en": "accepted"},
    "referral.status.declined": {"sq": "refuzuar", "en": "declined"},
    "referral.status.arrived": {"sq": "mbërritur", "en": "arrived"},
    "referral.status.did_not_arrive": {"sq": "nuk mbërriti", "en": "did not arrive"},
    "referral.status.closed": {"sq": "mbyllur", "en": "closed"},
    "referral.status.re_referred": {"sq": "referuar përsëri", "en": "re-referred"},
    "referral.status.withdrawn": {"sq": "tërhequr", "en": "withdrawn"},
    "referral.status.all": {"sq": "të gjitha", "en": "all"},
    "referral.event.sent": {"sq": "U dërgua", "en": "Sent"},
    "referral.event.received": {"sq": "U konfirmua marrja e referimit", "en": "Referral received"},
    "referral.event.accepted": {"sq": "Referimi u pranua", "en": "Referral accepted"},
    "referral.event.declined": {"sq": "Referimi u refuzua", "en": "Referral declined"},
    "referral.event.arrived": {"sq": "Personi mbërriti", "en": "The person arrived"},
    "referral.event.did_not_arrive": {"sq": "Personi nuk mbërriti",
                                      "en": "The person did not arrive"},
    "referral.event.admitted": {"sq": "Pranimi në qendër (data e hyrjes)",
                                "en": "Admission (day of entry)"},
    "referral.event.exited": {"sq": "Largimi nga qendra (data e daljes)",
                              "en": "Exit (day of leaving)"},
    "referral.event.exit_expected": {"sq": "Data e pritur e daljes nga qendra",
                                     "en": "Expected exit (day the person is expected to "
                                           "leave)"},
    "referral.event.medical": {"sq": "Ndihmë mjekësore", "en": "Medical help"},
    "referral.event.psychological": {"sq": "Mbështetje psikologjike",
                                     "en": "Psychological support"},
    "referral.event.legal": {"sq": "Ndihmë juridike", "en": "Legal aid"},
    "referral.event.reintegration": {"sq": "Riintegrim", "en": "Reintegration"},
    "referral.event.education": {"sq": "Arsimim", "en": "Education"},
    "referral.event.guardian_appointed": {"sq": "U caktua kujdestari",
                                          "en": "Guardian appointed"},
    "referral.event.closed": {"sq": "Referimi u mbyll", "en": "Referral closed"},
    "referral.event.re_referred": {"sq": "U referua përsëri", "en": "Re-referred"},
    "referral.event.withdrawn": {"sq": "U tërhoq", "en": "Withdrawn"},
    "referral.title": {"sq": "Referimi {id}", "en": "Referral {id}"},
    "referral.heading": {"sq": "Referimi", "en": "Referral"},
    "referral.back": {"sq": "← Të gjitha referimet", "en": "← All referrals"},
    "referral.summary": {"sq": "Përmbledhje", "en": "Summary"},
    "referral.type": {"sq": "Lloji i referimit", "en": "Type of referral"},
    "referral.origin": {"sq": "Burimi", "en": "Origin"},
    "referral.kind.primary": {"sq": "referimi kryesor", "en": "primary referral"},
    "referral.kind.further": {"sq": "referim shtesë", "en": "further referral"},
    "referral.kind.rereferral": {"sq": "referim i përsëritur", "en": "re-referral"},
    "referral.sex": {"sq": "Gjinia", "en": "Sex"},
    "referral.age_band": {"sq": "Grupmosha", "en": "Age band"},
    "referral.needs": {"sq": "Nevojat", "en": "Needs"},
    "need.medical": {"sq": "ndihmë mjekësore", "en": "medical help"},
    "need.psychological": {"sq": "mbështetje psikologjike", "en": "psychological support"},
    "need.shelter": {"sq": "strehim", "en": "a place to stay"},
    "need.legal": {"sq": "ndihmë juridike", "en": "legal aid"},
    "referral.consent": {"sq": "Pëlqimi për ndarjen e të dhënave", "en": "Data-sharing consent"},
    "referral.sent": {"sq": "Dërguar më", "en": "Sent"},
    "referral.admission": {"sq": "Data e hyrjes", "en": "Admission"},
    "referral.exit": {"sq": "Data e daljes", "en": "Exit"},
    "referral.expected_exit": {"sq": "Data e pritur e daljes", "en": "Expected exit"},
    "referral.stay": {"sq": "Kohëzgjatja e qëndrimit", "en": "Length of stay"},
    "referral.stay_days.one": {"sq": "{n} ditë", "en": "{n} day"},
    "referral.stay_days.other": {"sq": "{n} ditë", "en": "{n} days"},
    "referral.guardian": {"sq": "Kujdestari u caktua më", "en": "Guardian appointed"},
    "referral.services": {"sq": "Shërbimet e dhëna", "en": "Services given"},
    "referral.previous": {"sq": "Zëvendëson referimin {id}", "en": "Replaces referral {id}"},
    "referral.minimal": {"sq": "Personi nuk ka dhënë pëlqim për ndarjen e të dhënave: shfaqen "
                               "vetëm referenca e rastit, grupmosha, gjinia, urgjenca dhe "
                               "nevojat.",
                         "en": "The person did not agree to data sharing: only the case "
                               "reference, age band, sex, urgency and needs are shown."},
    "referral.person": {"sq": "Personi", "en": "The person"},
    "referral.name": {"sq": "Emri dhe mbiemri", "en": "Name"},
    "referral.birth": {"sq": "Datëlindja", "en": "Date of birth"},
    "referral.nationality": {"sq": "Shtetësia", "en": "Nationality"},
    "referral.case_link": {"sq": "Hap rastin", "en": "Open the case"},
    "referral.history": {"sq": "Historiku", "en": "History"},
    "referral.col.day": {"sq": "Data", "en": "Day"},
    "referral.col.reason": {"sq": "Arsyeja", "en": "Reason"},
    "referral.record": {"sq": "Regjistro një hap", "en": "Record a step"},
    "referral.event": {"sq": "Hapi", "en": "Step"},
    "referral.day": {"sq": "Data kur ndodhi (për daljen e pritur: data që pritet)",
                     "en": "Day it happened (an expected exit: the day expected)"},
    "referral.reason": {"sq": "Arsyeja ose shënimi", "en": "Reason or note"},
    "referral.reason_hint": {"sq": "E detyrueshme për refuzimin, mbylljen dhe referimin "
                                   "përsëri.",
                             "en": "Needed to decline, close or re-refer."},
    "referral.new_organisation": {"sq": "Organizata e re (vetëm për referimin përsëri)",
                                  "en": "New organisation (re-referral only)"},
    "referral.submit": {"sq": "Regjistro", "en": "Record"},
    "referral.done": {"sq": "Hapi u regjistrua.", "en": "The step was recorded."},
    "referral.nothing_next": {"sq": "Për këtë referim nuk mund të regjistrohet asnjë hap tjetër.",
                              "en": "No further step can be recorded for this referral."},
    "referral.late.not_received": {"sq": "nuk është marrë brenda {hours} orëve",
                                   "en": "not received within {hours} hours"},
    "referral.late.not_accepted": {"sq": "urgjent, nuk është pranuar brenda {hours} orëve",
                                   "en": "urgent, not accepted within {hours} hours"},
    "queue.title": {"sq": "Radha", "en": "Queue"},
    "queue.heading": {"sq": "Radha e Autoritetit Përgjegjës",
                      "en": "The Responsible Authority's queue"},
    "queue.rerefer": {"sq": "Për t'u referuar përsëri (të refuzuara, ose personi nuk mbërriti)",
                      "en": "To refer again (declined, or the person did not arrive)"},
    "queue.overdue": {"sq": "Me vonesë", "en": "Overdue"},
    "queue.empty_rerefer": {"sq": "Asnjë referim nuk pret të referohet përsëri.",
                            "en": "No referral waits to be referred again."},
    "queue.empty_overdue": {"sq": "Asnjë referim nuk është me vonesë.",
                            "en": "No referral is overdue."},
    "queue.col.late": {"sq": "Vonesa", "en": "Late"},
    "identification.heading": {"sq": "Identifikimi formal", "en": "Formal identification"},
    "identification.none": {"sq": "Autoriteti Përgjegjës nuk e ka identifikuar ende formalisht "
                                   "këtë person.",
                             "en": "The Responsible Authority has not formally identified "
                                   "this person yet."},
    "identification.status": {"sq": "Statusi formal", "en": "Formal status"},
    "identification.status.identified_victim": {"sq": "viktimë e trafikimit",
                                                "en": "identified victim of trafficking"},
    "identification.status.potential_victim": {"sq": "viktimë e mundshme e trafikimit",
                                               "en": "potential victim of trafficking"},
    "identification.status.not_victim": {"sq": "nuk është viktimë e trafikimit",
                                         "en": "not a victim of trafficking"},
    "identification.decided_on": {"sq": "Data e vendimit", "en": "Date of the decision"},
    "identification.basis": {"sq": "Baza e vendimit", "en": "Basis of the decision"},
    "identification.witness": {"sq": "Viktimë-dëshmitar", "en": "Victim-witness"},
    "witness.yes": {"sq": "po", "en": "yes"},
    "witness.no": {"sq": "jo", "en": "no"},
    "witness.unknown": {"sq": "nuk dihet", "en": "unknown"},
    "identification.reflection": {"sq": "Periudha e reflektimit", "en": "Reflection period"},
    "identification.permit": {"sq": "Leja e përkohshme e qëndrimit",
                              "en": "Temporary residence permit"},
    "permit.none": {"sq": "nuk është kërkuar", "en": "not applied for"},
    "permit.applied": {"sq": "kërkuar", "en": "applied for"},
    "permit.granted": {"sq": "dhënë", "en": "granted"},
    "permit.refused": {"sq": "refuzuar", "en": "refused"},
    "identification.foreign_only": {"sq": "Vetëm për shtetasit e huaj.",
                                    "en": "Foreign nationals only."},
    "identification.submit": {"sq": "Regjistro identifikimin", "en": "Record the identification"},
    "identification.by": {"sq": "regjistruar nga {who}, {when}", "en": "recorded by {who}, {when}"},
    "identification.history": {"sq": "Vendimet e mëparshme", "en": "Earlier decisions"},
    "identification.done": {"sq": "Identifikimi u regjistrua.",
                            "en": "The identification was recorded."},
    "followup.heading": {"sq": "Kontaktet pasuese", "en": "Follow-up contacts"},
    "followup.date": {"sq": "Data e kontaktit", "en": "Contact date"},
    "followup.outcome": {"sq": "Rezultati", "en": "Outcome"},
    "followup.next": {"sq": "Kontakti i radhës", "en": "Next contact"},
    "followup.submit": {"sq": "Shto kontaktin", "en": "Add the contact"},
    "followup.empty": {"sq": "Ende asnjë kontakt pasues.", "en": "No follow-up contact yet."},
    "followup.done": {"sq": "Kontakti u shtua.", "en": "The contact was added."},
    "case.referrals": {"sq": "Referimet", "en": "Referrals"},
    "case.no_referrals": {"sq": "Kjo intervistë nuk ka referime në sistemin qendror: ato "
                                "krijohen kur mbërrin intervista e miratuar.",
                          "en": "This interview has no referrals at central: they are made "
                                "when the approved interview arrives."},
    # -- statistics ------------------------------------------------------------------------
    "statistics.title": {"sq": "Statistikat", "en": "Statistics"},
    "statistics.heading": {"sq": "Statistikat tremujore", "en": "Quarterly statistics"},
    "statistics.all_checkpoints": {"sq": "të gjitha pikat e kalimit kufitar",
                                   "en": "all checkpoints"},
    "statistics.k": {"sq": "Fshih numrat nën k", "en": "Suppress counts below k"},
    "statistics.k_none": {"sq": "asnjë", "en": "none"},
    "statistics.lang": {"sq": "Gjuha e raportit", "en": "Report language"},
    "statistics.show": {"sq": "Shfaq", "en": "Show"},
    "statistics.summary.one": {"sq": "{n} intervistë në sistemin qendror filloi në tremujorin "
                                     "{quarter}",
                               "en": "{n} interview at central started in {quarter}"},
    "statistics.summary.other": {"sq": "{n} intervista në sistemin qendror filluan në "
                                       "tremujorin {quarter}",
                                 "en": "{n} interviews at central started in {quarter}"},
    "statistics.at": {"sq": "në {checkpoint}", "en": "at {checkpoint}"},
    "statistics.pdf": {"sq": "Shkarko raportin (PDF)", "en": "Report PDF"},
    "statistics.zip": {"sq": "Shkarko tabelat (CSV, zip)", "en": "Tables (CSV, zip)"},
    "statistics.dashboard": {"sq": "Pasqyra e Autoritetit Përgjegjës",
                             "en": "Responsible Authority dashboard"},
    "statistics.week": {"sq": "Java që fillon më", "en": "Week starting"},
    "statistics.per_week": {"sq": "Intervista në javë, sipas pikës së kalimit kufitar",
                            "en": "Interviews per week, by checkpoint"},
    "statistics.total": {"sq": "Gjithsej", "en": "Total"},
    "statistics.outcomes": {"sq": "Vlerësimet e periudhës", "en": "Outcomes of the period"},
    "statistics.tables": {"sq": "Tabelat e raportit", "en": "The report's tables"},
    "statistics.referrals_now": {"sq": "Referimet sipas gjendjes (tani)",
                                 "en": "Referrals by status (now)"},
    "statistics.referrals_overdue": {"sq": "Me vonesë (pa u marrë ose, kur janë urgjente, pa "
                                           "u pranuar në kohë)",
                                     "en": "Overdue (not received or, when urgent, not "
                                           "accepted in time)"},
    "statistics.xlsx": {"sq": "Shkarko tabelat (Excel)", "en": "Tables (Excel)"},
    "statistics.cases": {"sq": "Shkarko rastet e anonimizuara (CSV, k = 11)",
                         "en": "Anonymised cases (CSV, k = 11)"},
    "statistics.note": {"sq": "Kur jepet k, çdo numër nën k (përveç 0) fshihet, bashkë me "
                              "aq të tjerë sa asnjë numër i fshehur të mos nxirret dot nga "
                              "totalet. Përdoreni për çdo gjë që del jashtë Autoritetit "
                              "Përgjegjës.",
                        "en": "With k set, every count below k (other than 0) is hidden, and "
                              "enough others with it that no hidden count can be worked out "
                              "from the totals. Use it for anything that leaves the "
                              "Responsible Authority."},
    # -- errors: titles, the console's own refusals, and the refusals of central by code ----
    "error.back": {"sq": "Kthehu në konsolë", "en": "Back to the console"},
    "error.not_logged_in": {"sq": "Nuk keni hyrë", "en": "Not logged in"},
    "error.log_in_again": {"sq": "Hyni përsëri; asgjë nuk u ndryshua.",
                           "en": "Log in again; nothing was changed."},
    "error.refused": {"sq": "U refuzua", "en": "Refused"},
    "error.not_possible": {"sq": "Nuk është e mundur", "en": "Not possible"},
    "error.internal": {"sq": "Sistemi qendror nuk mundi ta kryejë këtë",
                       "en": "Central could not do this"},
    "error.internal_text": {"sq": "Një gabim i brendshëm ({kind}) ndaloi faqen; asgjë nuk u "
                                  "ndryshua. Tregojini mbështetjes së IT-së orën kur ndodhi.",
                            "en": "An internal error ({kind}) stopped the page; nothing was "
                                  "changed. Tell IT support the time it happened."},
    "refused.foreign_origin": {"sq": "formulari erdhi nga një faqe tjetër",
                               "en": "the form came from another site"},
    "refused.form_size": {"sq": "formulari mungon ose është shumë i madh",
                          "en": "the form is missing or too large"},
    "refused.csrf": {"sq": "shenja e sigurisë e formularit mungon ose ka skaduar; hapeni "
                           "faqen përsëri dhe përsëritni atë që bëtë",
                     "en": "the form's security token is missing or out of date; open the "
                           "page again and repeat what you did"},
    "refused.no_right": {"sq": "llogaria juaj mund ta shohë, por jo ta ndryshojë këtë; "
                               "drejtojuni një administratori",
                         "en": "your account may look but not change this; ask an "
                               "administrator"},
    "refused.no_case": {"sq": "sistemi qendror nuk ka një rast të tillë",
                        "en": "central holds no such case"},
    "refused.case_reference": {"sq": "«{text}» nuk është referencë rasti (si TIA-261123-3F9A1C)",
                               "en": "“{text}” is not a case reference (like "
                                     "TIA-261123-3F9A1C)"},
    "refused.quarter": {"sq": "periudha shkruhet si tremujor (2026Q3), gjashtëmujor (2026H2) "
                              "ose vit (2026)",
                        "en": "a period is written as a quarter (2026Q3), a half-year (2026H2) "
                              "or a year (2026)"},
    "refused.no_device": {"sq": "nuk ka një pajisje të tillë",
                          "en": "there is no such workstation"},
    "refused.code_hours": {"sq": "një kod vlen nga një minutë deri në 14 ditë (336 orë)",
                           "en": "a code is valid for between a minute and 14 days (336 hours)"},
    "refused.match_status": {"sq": "statusi është një nga: {statuses}",
                             "en": "status is one of {statuses}"},
    "refused.no_match": {"sq": "nuk ka një përputhje të tillë të mundshme",
                         "en": "there is no such candidate match"},
    "notices.add.wrong": {"sq": "Njoftimi nuk u regjistrua — {field}: {reason}. Korrigjojeni më "
                                "poshtë dhe regjistrojeni përsëri.",
                          "en": "The notice was not recorded — {field}: {reason}. Correct it "
                                "below and record it again."},
    "refused.no_suggestion": {"sq": "nuk ka një mbërritje të tillë të sugjeruar",
                              "en": "there is no such suggested arrival"},
    "refused.checkpoint": {"sq": "pikë e panjohur e kalimit kufitar «{checkpoint}»",
                           "en": "unknown checkpoint “{checkpoint}”"},
    "refused.k": {"sq": "pragu k është një numër i plotë nga 2 deri në 100",
                  "en": "the suppression threshold k is a whole number from 2 to 100"},
    "refused.language": {"sq": "kjo gjuhë nuk ofrohet", "en": "that language is not offered"},
    "refused.not_for_role": {"sq": "llogaria juaj nuk e sheh këtë faqe; drejtojuni një "
                                   "administratori nëse ju duhet",
                             "en": "your account does not see this page; ask an administrator "
                                   "if you need it"},
    "refused.no_referral": {"sq": "nuk ka një referim të tillë për llogarinë tuaj",
                            "en": "there is no such referral for your account"},
    "refusal.referral_unknown": {"sq": "nuk ka një referim të tillë për llogarinë tuaj",
                                 "en": "there is no such referral for your account"},
    "refusal.referral_forbidden": {"sq": "llogaria juaj nuk mund ta regjistrojë këtë",
                                   "en": "your account may not record this"},
    "refusal.referral_step_refused": {"sq": "ky hap nuk mund të pasojë statusin e tanishëm të "
                                            "referimit; shihni historikun dhe hapat që ofrohen",
                                      "en": "this step cannot follow the referral's present "
                                            "status; see its history and the steps offered"},
    "refusal.referral_event_unknown": {"sq": "hap i panjohur", "en": "unknown step"},
    "refusal.referral_reason_missing": {"sq": "shkruani arsyen: ajo kërkohet për refuzimin, "
                                              "mbylljen dhe referimin përsëri",
                                        "en": "write the reason: it is needed to decline, "
                                              "close or re-refer"},
    "refusal.referral_not_child": {"sq": "kujdestari caktohet vetëm për një fëmijë",
                                   "en": "a guardian is appointed only for a child"},
    "refusal.referral_exit_before_admission": {"sq": "regjistroni pranimin para largimit; data "
                                                     "e daljes nuk mund të jetë para datës së "
                                                     "hyrjes",
                                               "en": "record the admission before the exit; "
                                                     "the exit cannot be before the "
                                                     "admission"},
    "refusal.referral_guardian_missing": {"sq": "referimi i një fëmije te Njësia për Mbrojtjen "
                                                "e Fëmijëve nuk mbyllet pa regjistruar "
                                                "kujdestarin e caktuar",
                                          "en": "a child's referral to child protection is not "
                                                "closed before the guardian appointed is "
                                                "recorded"},
    "refusal.referral_status_unknown": {"sq": "status i panjohur i referimit",
                                        "en": "unknown referral status"},
    "refusal.partner_unbound": {"sq": "kjo llogari partnere nuk është e lidhur me asnjë "
                                      "organizatë; drejtojuni një administratori",
                                "en": "this partner account is bound to no organisation; ask "
                                      "an administrator"},
    "refusal.organisation_unknown": {"sq": "zgjidhni organizatën nga lista e organizatave të "
                                           "referimit",
                                     "en": "choose the organisation from the referral "
                                           "directory"},
    "refusal.date_invalid": {"sq": "data nuk është e vlefshme; shkruajeni si 2026-12-02",
                             "en": "the date is not valid; write it as 2026-12-02"},
    "refusal.date_future": {"sq": "data nuk mund të jetë në të ardhmen",
                            "en": "the date cannot be in the future"},
    "refusal.date_missing": {"sq": "shënoni datën", "en": "give the date"},
    "refusal.reason_too_long": {"sq": "arsyeja është shumë e gjatë; mbajeni deri në 500 shenja",
                                "en": "the reason is too long; keep it to 500 characters"},
    "refusal.text_missing": {"sq": "plotësoni fushën e detyrueshme", "en": "fill in the "
                                                                          "required field"},
    "refusal.text_too_long": {"sq": "teksti është shumë i gjatë; mbajeni deri në 1.000 shenja",
                              "en": "the text is too long; keep it to 1,000 characters"},
    "refusal.identification_status_unknown": {"sq": "zgjidhni një nga statuset formale",
                                              "en": "choose one of the formal statuses"},
    "refusal.identification_witness_unknown": {"sq": "zgjidhni po, jo ose nuk dihet",
                                               "en": "choose yes, no or unknown"},
    "refusal.identification_permit_unknown": {"sq": "zgjidhni kërkuar, dhënë ose refuzuar",
                                              "en": "choose applied for, granted or refused"},
    "refusal.identification_not_foreign": {"sq": "periudha e reflektimit dhe leja e përkohshme "
                                                 "e qëndrimit janë për shtetasit e huaj",
                                           "en": "a reflection period and a temporary "
                                                 "residence permit are for foreign nationals"},
    "refusal.checkpoint_invalid": {"sq": "shkruani pikën e kalimit kufitar ku bën pjesë "
                                         "pajisja (deri në 100 shenja)",
                                   "en": "name the checkpoint the workstation belongs to (up "
                                         "to 100 characters)"},
    "refusal.device_unknown": {"sq": "nuk ka një pajisje të tillë",
                               "en": "there is no such workstation"},
    "refusal.match_unknown": {"sq": "nuk ka një përputhje të tillë të mundshme",
                              "en": "there is no such candidate match"},
    "refusal.suggestion_unknown": {"sq": "nuk ka një mbërritje të tillë të sugjeruar",
                                   "en": "there is no such suggested arrival"},
    "refusal.suggestion_decided": {"sq": "për këtë mbërritje të sugjeruar është vendosur "
                                         "tashmë",
                                   "en": "this suggested arrival was already decided"},
    "refusal.interview_unknown": {"sq": "sistemi qendror nuk ka një intervistë të tillë",
                                  "en": "central holds no such interview"},
    "refusal.form_unknown": {"sq": "intervista u bë me një formular që sistemi qendror nuk e ka",
                             "en": "the interview was made with a form central does not have"},
    "refusal.case_reference_missing": {"sq": "intervista nuk ka referencë rasti",
                                       "en": "the interview has no case reference"},
    "refusal.busy": {"sq": "sistemi qendror është i zënë; provoni përsëri pas pak",
                     "en": "central is busy; try again shortly"},
    "refusal.database_error": {"sq": "baza e të dhënave e sistemit qendror nuk përgjigjet; "
                                     "tregojini mbështetjes së IT-së",
                               "en": "central's database does not answer; tell IT support"},
    "refusal.document_failed": {"sq": "dokumenti nuk mund të krijohej; tregojini mbështetjes "
                                      "së IT-së",
                                "en": "the document could not be made; tell IT support"},
    "refusal.words": {"sq": "{words}", "en": "{words}"},  # screening/messages.py's, filled in
    "refusal.unknown_code": {"sq": "sistemi qendror nuk e pranoi këtë kërkesë (kodi {code})",
                      "en": "central did not accept this request (code {code})"},
}


def language(value: str | None) -> str | None:
    """``value`` when it is a language the console speaks, else None."""
    return value if value in LANGUAGES else None


def from_accept_language(header: str | None) -> str:
    """The first language of a browser's Accept-Language the console speaks; else Albanian."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        found = language(tag.strip().lower().split("-")[0])
        if found and weight > 0:
            ranked.append((-weight, index, found))
    return min(ranked)[2] if ranked else DEFAULT


def number(lang: str, value: int) -> str:
    """A whole number with the locale's thousands separator: 1.234 (sq), 1,234 (en)."""
    written = f"{value:,}"
    return written.replace(",", ".") if lang == "sq" else written


def text(lang: str, key: str, **values: Any) -> str:
    """The message ``key`` in ``lang``, filled with ``values``."""
    message = MESSAGES[key][lang]
    if not values:
        return message
    return message.format(**{name: number(lang, value) if _whole(value) else value
                             for name, value in values.items()})


def plural(lang: str, key: str, count: int, **values: Any) -> str:
    """``key.one`` or ``key.other`` by ``count`` (given to the text as ``n``)."""
    return text(lang, f"{key}.{'one' if count == 1 else 'other'}", n=count, **values)


def interview_status(lang: str, status: str) -> str:
    key = f"status_{status}"
    return wording.word(key, lang) if key in wording.WORDS else status


def audit_action(lang: str, action: str) -> str:
    """A workstation's audit action in words; an action the documents do not name, as sent."""
    key = f"action_{action}"
    return wording.word(key, lang) if key in wording.WORDS else action


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
