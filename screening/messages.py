"""What a refusal or a failure says to a person, by its stable code, in English and in Albanian:
the one catalogue the desktop client, the command line and the console render an error from.

An error of the core (``screening.errors.ScreeningError``) carries a ``code`` and its
parameters; ``render`` fills the code's template in the reader's language. ``{name}`` in a
template is filled from the parameters (``{name!r}`` quotes it as the English messages always
did); a parameter given as a mapping of language to text (``{"sq": …, "en": …}``) is read in
the chosen language, a list is written one item after the other. Central's refusal codes
(``screening/central/refusals.py``) and the problems of its receipts
(``screening/central/batches/checks.py``) are here too: the workstation shows them by code,
not by central's English words.

Albanian uses the terms of docs/glossary.md (tests/unit/test_glossary.py reads these texts):
*sistemi qendror* for central, *ky kompjuter* for the workstation, *paketë* for a batch,
*pika e kalimit kufitar*, *fleta e referimit*, *procesverbali i intervistës*, *referenca e
rastit*. This module imports nothing of the project: it is the bottom layer's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES = ("en", "sq")

MESSAGES: dict[str, dict[str, str]] = {
    # -- the base classes of screening/errors.py: the words when nothing more precise is known
    "error": {"en": "the request could not be completed",
              "sq": "kërkesa nuk u krye"},
    "form_invalid": {"en": "the form definition has {count} problem(s):\n{details}",
                     "sq": "në përkufizimin e formularit u gjetën probleme ({count}); "
                           "kontrollojeni me 'screening forms check' dhe korrigjojeni para se "
                           "ta përdorni"},
    "form_unknown": {"en": "there is no form {form_id!r} version {form_version!r} here: {hint}",
                     "sq": "formulari '{form_id}', versioni '{form_version}', nuk gjendet në "
                           "këtë kompjuter; sinkronizoni me sistemin qendror për ta marrë"},
    "answers_invalid": {"en": "the answers cannot be used",
                        "sq": "përgjigjet nuk mund të përdoren"},
    "reference_invalid": {"en": "the reference data is missing or malformed",
                          "sq": "të dhënat e referencës mungojnë ose nuk janë të rregullta"},
    "store_error": {"en": "the database cannot do what was asked",
                    "sq": "baza e të dhënave nuk mund të kryejë veprimin e kërkuar"},
    "checkpoint_period_unprotected": {
        "en": "the {period} report of checkpoint {checkpoint} cannot be published with small "
              "counts hidden: beside the national quarters it would give them away. Publish "
              "{period} for all checkpoints, or the checkpoint's quarters one by one (counts "
              "are shown in full without --suppress-below, for internal use only)",
        "sq": "raporti {period} i pikës së kalimit kufitar {checkpoint} nuk mund të botohet me "
              "numrat e vegjël të fshehur: pranë tremujorëve kombëtarë ai do t'i zbulonte. "
              "Botoni {period} për të gjitha pikat e kalimit, ose tremujorët e pikës një nga "
              "një (pa --suppress-below numrat shfaqen të plotë, vetëm për përdorim të "
              "brendshëm)"},
    "report_invalid": {"en": "the document cannot be made from the data given",
                       "sq": "dokumenti nuk mund të krijohet nga të dhënat që u dhanë"},
    "interview_state": {"en": "the interview's status does not allow this change",
                        "sq": "statusi i intervistës nuk e lejon këtë ndryshim"},
    "account_invalid": {"en": "the account cannot be added or changed as asked",
                        "sq": "llogaria nuk mund të shtohet ose të ndryshohet siç u kërkua"},

    # -- accounts, login, unlock -----------------------------------------------------------
    "wrong_credentials": {"en": "wrong user name or password",
                          "sq": "emri i përdoruesit ose fjalëkalimi është i gabuar"},
    "password_wrong": {"en": "the password is wrong",
                       "sq": "fjalëkalimi është i gabuar"},
    "recovery_code_wrong": {"en": "wrong recovery code",
                            "sq": "kodi i rikuperimit është i gabuar"},
    "current_password_wrong": {"en": "the current password is wrong",
                               "sq": "fjalëkalimi aktual është i gabuar"},
    "login_delayed": {"en": "too many wrong passwords: wait {seconds} second(s) before trying "
                            "again",
                      "sq": "shumë fjalëkalime të gabuara: prisni {seconds} sek. para se të "
                            "provoni përsëri"},
    "account_disabled": {"en": "the account {name!r} is disabled; ask a supervisor",
                         "sq": "llogaria '{name}' është e çaktivizuar; drejtojuni një "
                               "mbikëqyrësi"},
    "permission_denied": {"en": "only a supervisor can do this",
                          "sq": "vetëm një mbikëqyrës mund ta bëjë këtë; hyni me llogarinë e "
                                "një mbikëqyrësi"},
    "recovery_supervisor_only": {
        "en": "the recovery code can only reset a supervisor's password",
        "sq": "me kodin e rikuperimit mund të rivendoset vetëm fjalëkalimi i një mbikëqyrësi"},
    "reauthentication_needed": {"en": "enter your password again to print or export",
                                "sq": "shkruani përsëri fjalëkalimin për të printuar ose për "
                                      "të eksportuar"},
    "password_weak": {"en": "a password needs at least {min_length} characters; nothing was "
                            "changed",
                      "sq": "fjalëkalimi duhet të ketë të paktën {min_length} shenja; asgjë "
                            "nuk u ndryshua"},
    "account_name_invalid": {
        "en": "{name!r} is not a valid user name: use 2–32 letters, digits, dots, dashes or "
              "underscores, starting with a letter or digit",
        "sq": "'{name}' nuk është emër i vlefshëm përdoruesi: përdorni 2–32 shkronja, shifra, "
              "pika, viza ose nënvija, duke filluar me një shkronjë ose shifër"},
    "full_name_too_long": {"en": "the full name is longer than {limit} characters",
                           "sq": "emri i plotë ka më shumë se {limit} shenja"},
    "full_name_control": {"en": "the full name holds a control character; type it again",
                          "sq": "emri i plotë përmban një shenjë kontrolli; shkruajeni "
                                "përsëri"},
    "role_unknown": {"en": "unknown role {role!r}: choose officer or supervisor",
                     "sq": "roli '{role}' nuk njihet: zgjidhni officer (punonjës) ose "
                           "supervisor (mbikëqyrës)"},
    "account_exists": {"en": "the account {name!r} already exists",
                       "sq": "llogaria '{name}' ekziston tashmë"},
    "account_unknown": {"en": "there is no account {name!r}",
                        "sq": "nuk ka asnjë llogari me emrin '{name}'"},
    "account_disable_self": {"en": "you cannot disable your own account",
                             "sq": "nuk mund të çaktivizoni llogarinë tuaj"},
    "last_supervisor": {"en": "the last active supervisor cannot be disabled",
                        "sq": "mbikëqyrësi i fundit aktiv nuk mund të çaktivizohet"},

    # -- the database on the workstation ---------------------------------------------------
    "store_lost_writes": {
        "en": "{missing} committed change(s) are missing from the database: its write-ahead log "
              "was cut short or lost (a disk or power fault, or someone changed the files). "
              "Nothing was changed and the log was not folded in; the files as found were "
              "copied to {aside}. Do not use this workstation for interviews: ask IT support to "
              "recover the copy or restore the latest backup. Interviews sent before the loss "
              "are safe at central.",
        "sq": "Në bazën e të dhënave mungojnë {missing} ndryshime të ruajtura: regjistri i "
              "shkrimeve u shkurtua ose humbi (defekt i diskut ose i energjisë, ose dikush "
              "ndryshoi skedarët). Asgjë nuk u ndryshua; skedarët, siç u gjetën, u kopjuan te "
              "{aside}. Mos e përdorni këtë kompjuter për intervista: kërkojini mbështetjes IT "
              "të rimarrë kopjen ose të rikthejë kopjen rezervë më të fundit. Intervistat e "
              "dërguara para humbjes janë të sigurta në sistemin qendror."},
    "store_foreign": {
        "en": "the database in the data folder belongs to another workstation or another "
              "store: this workstation's key slots do not open it. Nothing was changed. Put "
              "back this workstation's own store.db (or restore its backup folder, which holds "
              "both files) with IT support.",
        "sq": "baza e të dhënave në dosjen e të dhënave i përket një kompjuteri tjetër ose një "
              "ruajtjeje tjetër: çelësat e këtij kompjuteri nuk e hapin. Asgjë nuk u ndryshua. "
              "Rivendosni store.db-në e këtij kompjuteri (ose rikthejeni dosjen e tij të kopjes "
              "rezervë, që mban të dy skedarët) me ndihmën e mbështetjes IT."},
    "keyslot_damaged": {
        "en": "the account {name!r}'s key slot is damaged; this was not counted as a wrong "
              "password. Log in with another account (a supervisor can reset this account's "
              "password, which writes a new slot) or restore keyslots.json from the latest "
              "backup.",
        "sq": "çelësi i llogarisë „{name}” është i dëmtuar; kjo nuk u numërua si fjalëkalim i "
              "gabuar. Hyni me një llogari tjetër (një mbikëqyrës mund ta rivendosë "
              "fjalëkalimin e kësaj llogarie, gjë që shkruan një çelës të ri) ose rikthejeni "
              "keyslots.json nga kopja rezervë më e fundit."},
    "recovery_slot_damaged": {
        "en": "the recovery code's key slot is damaged; this was not counted as a wrong "
              "password. Log in with a supervisor's account, or restore keyslots.json from the "
              "latest backup.",
        "sq": "çelësi i kodit të rikuperimit është i dëmtuar; kjo nuk u numërua si fjalëkalim i "
              "gabuar. Hyni me llogarinë e një mbikëqyrësi ose rikthejeni keyslots.json nga "
              "kopja rezervë më e fundit."},
    "keyslots_damaged": {
        "en": "the key-slot file keyslots.json is damaged{detail}; nothing was changed. Restore "
              "keyslots.json from the latest backup folder with IT support; the database "
              "itself is untouched.",
        "sq": "skedari i çelësave keyslots.json është i dëmtuar; asgjë nuk u ndryshua. "
              "Rikthejeni keyslots.json nga dosja e kopjes rezervë më të fundit me ndihmën e "
              "mbështetjes IT; vetë baza e të dhënave nuk është prekur."},
    "store_damaged": {"en": "the database is damaged{detail}; nothing was changed. Keep the data "
                            "folder as it is and restore the latest backup with IT support.",
                      "sq": "baza e të dhënave është e dëmtuar; asgjë nuk u ndryshua. Lëreni "
                            "dosjen e të dhënave siç është dhe rikthejeni kopjen rezervë më të "
                            "fundit me ndihmën e mbështetjes IT."},
    "store_exists": {"en": "a store already exists at {path}; nothing was changed",
                     "sq": "në {path} ka tashmë një bazë të dhënash; asgjë nuk u ndryshua"},
    "store_missing": {"en": "there is no store in {path}; create one with 'screening init'",
                      "sq": "në {path} nuk ka bazë të dhënash; krijojeni me 'screening init'"},
    "store_schema_newer": {
        "en": "this store has schema {version}, newer than this program knows ({latest}); "
              "install the newer version",
        "sq": "kjo bazë të dhënash ka skemën {version}, më të re se ajo që njeh ky program "
              "({latest}); instaloni versionin më të ri të programit"},
    "backup_exists": {"en": "{path} already exists; choose a new file name",
                      "sq": "{path} ekziston tashmë; zgjidhni një emër të ri skedari"},
    "backup_folder_not_empty": {"en": "{path} is not empty; choose a new or empty folder",
                                "sq": "dosja {path} nuk është bosh; zgjidhni një dosje të re "
                                      "ose bosh"},
    "setting_invalid": {"en": "the retention period cannot be negative",
                        "sq": "periudha e ruajtjes nuk mund të jetë negative"},

    # -- interviews and documents ----------------------------------------------------------
    "interview_not_found": {"en": "no interview {id!r}",
                            "sq": "nuk u gjet asnjë intervistë '{id}'"},
    "reference_ambiguous": {
        "en": "{reference} names {count} interviews; give the full id (see 'screening "
              "interviews list')",
        "sq": "referenca {reference} përputhet me {count} intervista; jepni identifikuesin e "
              "plotë (shihni 'screening interviews list')"},
    "interview_purged": {
        "en": "the personal data of this interview was deleted on {date} under the retention "
              "rule; there is nothing left to print",
        "sq": "të dhënat personale të kësaj interviste u fshinë më {date} sipas rregullit të "
              "ruajtjes; nuk ka mbetur asgjë për të printuar"},
    "interview_sealed": {
        "en": "interview {id!r} is sealed for its officer and the supervisors; if it is yours "
              "and this is your first login since the program was updated, it opens for you "
              "after a supervisor has logged in on this workstation",
        "sq": "intervista '{id}' është e mbyllur me çelës për oficerin e saj dhe për "
              "mbikëqyrësit; nëse është e juaja dhe kjo është hyrja juaj e parë që nga "
              "përditësimi i programit, ajo do të hapet për ju pasi një mbikëqyrës të ketë "
              "hyrë në këtë kompjuter"},
    "interview_locked": {"en": "this interview can no longer be changed",
                         "sq": "kjo intervistë nuk mund të ndryshohet më"},
    "interview_not_editable": {"en": "the interview is {status}; it cannot be finalised",
                               "sq": "intervista është mbyllur tashmë për ndryshime; nuk mund "
                                     "të përfundohet sërish"},
    "interview_incomplete": {"en": "the interview is not complete: {problems}",
                             "sq": "intervista nuk është e plotë: {problems}"},
    "record_incomplete": {"en": "{problems}",
                          "sq": "regjistrimi nuk është i plotë: {problems}"},
    "record_not_object": {"en": "a record must be a JSON object keyed by question id",
                          "sq": "një regjistrim duhet të jetë objekt JSON me identifikuesit e "
                                "pyetjeve si çelësa"},
    "organisation_unknown": {
        "en": "'{organisation}' is not in the referral directory; its ids are {known}",
        "sq": "'{organisation}' nuk gjendet në listën e organizatave të referimit; "
              "identifikuesit e saj janë {known}"},
    "organisation_after_approval": {
        "en": "the interview is {status}; the organisation can be chosen only before approval",
        "sq": "organizata pritëse mund të zgjidhet vetëm për një intervistë të përfunduar, para "
              "miratimit"},
    "interview_not_finalised": {"en": "the interview is {status}, not finalised",
                                "sq": "intervista nuk është e përfunduar; shqyrtohet vetëm një "
                                      "intervistë e përfunduar"},
    "referral_rule_broken": {"en": "refused, nothing was changed: {reasons}",
                             "sq": "u refuzua, asgjë nuk u ndryshua: {reasons}"},
    "not_finalised": {"en": "interview {reference} is not finalised; finalise it before "
                            "printing the referral slip",
                      "sq": "intervista {reference} nuk është e përfunduar; përfundojeni para "
                            "se të printoni fletën e referimit"},
    "no_referral_organisation": {
        "en": "interview {reference} refers the person to no organisation, so it has no "
              "referral slip; a supervisor chooses the organisation first",
        "sq": "intervista {reference} nuk e referon personin në asnjë organizatë, prandaj nuk "
              "ka fletë referimi; fillimisht një mbikëqyrës zgjedh organizatën pritëse"},
    "leaflet_missing": {"en": "the reference data holds no information leaflet; sync with "
                              "central or reinstall the program",
                        "sq": "të dhënat e referencës nuk përmbajnë fletën e informacionit; "
                              "sinkronizoni me sistemin qendror ose instaloni përsëri "
                              "programin"},
    "case_reference_missing": {"en": "the interview has no case reference; it cannot be printed",
                               "sq": "intervista nuk ka referencë rasti; nuk mund të printohet"},
    "facts_invalid": {"en": "the facts of an interview for the statistics are not valid",
                      "sq": "të dhënat e një interviste për statistikat nuk janë të rregullta"},
    "document_layout_failed": {
        "en": "the document “{title}” could not be laid out: one entry is too large for a "
              "page. Nothing was printed or saved. Shorten the longest answer or name and try "
              "again; if it happens again, tell IT support.",
        "sq": "dokumenti “{title}” nuk mund të faqosej: një e dhënë është shumë e madhe për një "
              "faqe. Asgjë nuk u printua dhe nuk u ruajt. Shkurtoni përgjigjen ose emrin më të "
              "gjatë dhe provoni përsëri; nëse ndodh sërish, njoftoni mbështetjen IT."},
    "document_failed": {
        "en": "the document “{title}” could not be made; nothing was printed or saved. Try "
              "again; if it happens again, tell IT support.",
        "sq": "dokumenti “{title}” nuk mund të krijohej; asgjë nuk u printua dhe nuk u ruajt. "
              "Provoni përsëri; nëse ndodh sërish, njoftoni mbështetjen IT."},
    "language_unknown": {"en": "there is no document in language {lang!r}; choose sq or en",
                         "sq": "nuk ka dokument në gjuhën '{lang}'; zgjidhni sq ose en"},
    "suppression_invalid": {
        "en": "the suppression threshold must be a whole number of at least {minimum}",
        "sq": "pragu i fshehjes së numrave të vegjël duhet të jetë numër i plotë, të paktën "
              "{minimum}"},
    "checkpoint_unknown": {"en": "unknown checkpoint {checkpoint!r}; the codes are {known}",
                           "sq": "pika e kalimit kufitar '{checkpoint}' nuk njihet; kodet janë "
                                 "{known}"},
    "quarter_invalid": {"en": "{text!r:.40} is not a quarter: write the year, Q and the quarter "
                              "number 1 to 4, for example 2026Q3",
                        "sq": "'{text:.40}' nuk është tremujor: shkruani vitin, Q dhe numrin "
                              "e tremujorit nga 1 deri në 4, për shembull 2026Q3"},
    "period_invalid": {"en": "{text!r:.40} is not a quarter, half-year or year: write a quarter "
                             "(2026Q3), a half-year (2026H2) or a year (2026)",
                       "sq": "'{text:.40}' nuk është tremujor, gjashtëmujor ose vit: shkruani "
                             "një tremujor (2026Q3), një gjashtëmujor (2026H2) ose një vit "
                             "(2026)"},

    # -- reference data --------------------------------------------------------------------
    "reference_unreadable": {"en": "{path}: cannot read reference data ({reason})",
                             "sq": "{path}: të dhënat e referencës nuk mund të lexohen"},
    "reference_yaml": {"en": "{path}: line {line}: {detail}",
                       "sq": "{path}: rreshti {line}: skedari YAML nuk është i rregullt"},
    "reference_not_list": {"en": "{path}: expected a list of entries under '{key}:'",
                           "sq": "{path}: pritej një listë të dhënash nën '{key}:'"},
    "reference_field_missing": {"en": "{path}: entry {entry!r} has no '{name}'",
                                "sq": "{path}: të dhënës {entry!r} i mungon fusha '{name}'"},
    "reference_texts_invalid": {"en": "{path}: every text needs an Albanian (sq) and an "
                                      "English (en) version",
                                "sq": "{path}: çdo tekst duhet të ketë një version shqip (sq) "
                                      "dhe një anglisht (en)"},
    "organisation_type_unknown": {
        "en": "{path}: organisation '{organisation}' has unknown type '{kind}' (use one of "
              "{known})",
        "sq": "{path}: organizata '{organisation}' ka një lloj të panjohur '{kind}' (përdorni "
              "një nga {known})"},
    "reference_damaged": {"en": "{path} is damaged ({detail}); delete it and sync again",
                          "sq": "{path} është i dëmtuar; fshijeni dhe sinkronizoni përsëri"},

    # -- sync with central -----------------------------------------------------------------
    "sync_error": {"en": "the sync with central failed",
                   "sq": "sinkronizimi me sistemin qendror dështoi"},
    "central_unreachable": {
        "en": "central cannot be reached; the interviews stay in the outbox and the next sync "
              "tries again",
        "sq": "sistemi qendror nuk u arrit; intervistat mbeten në pritje dhe sinkronizimi i "
              "radhës provon përsëri"},
    "sync_running": {
        "en": "a sync is already running on this workstation (the desktop's or another "
              "command); it sends everything that is ready — try again when it has finished",
        "sq": "në këtë kompjuter po kryhet tashmë një sinkronizim (nga programi ose nga një "
              "komandë tjetër); ai dërgon gjithçka që është gati — provoni përsëri kur të "
              "mbarojë"},
    "not_enrolled": {
        "en": "this workstation is not enrolled with central yet: run screening enroll "
              "--server URL --code CODE",
        "sq": "ky kompjuter nuk është regjistruar ende në sistemin qendror: kërkojini stafit "
              "të Autoritetit Përgjegjës një kod regjistrimi (në rreshtin e komandave: "
              "screening enroll --server URL --code CODE)"},
    "server_url_not_https": {
        "en": "central's address must begin with https:// (got {url!r:.80})",
        "sq": "adresa e sistemit qendror duhet të fillojë me https:// (u dha '{url:.80}')"},
    "ca_needs_https": {
        "en": "a CA file is only used with https://; give central's https:// address",
        "sq": "skedari i certifikatës CA përdoret vetëm me https://; jepni adresën https:// të "
              "sistemit qendror"},
    "plain_http_refused": {
        "en": "plain http:// would send interviews' metadata and refusals unsigned by TLS; use "
              "central's https:// address",
        "sq": "me http:// të thjeshtë të dhënat e intervistave dhe refuzimet do të dërgoheshin "
              "pa mbrojtjen e TLS; përdorni adresën https:// të sistemit qendror"},
    "ca_unreadable": {"en": "cannot read the CA bundle {path}: {detail}",
                      "sq": "skedari i certifikatave CA {path} nuk mund të lexohet"},
    "ca_not_pem": {"en": "{path} holds no PEM certificate",
                   "sq": "{path} nuk përmban asnjë certifikatë PEM"},
    "device_revoked": {
        "en": "central has revoked this workstation (device {device_id}): it no longer sends "
              "interviews or receives reference data. Ask central staff; the workstation must "
              "be enrolled again with a new code.",
        "sq": "sistemi qendror e ka revokuar këtë kompjuter: ai nuk dërgon më intervista dhe "
              "nuk merr më të dhëna reference. Drejtojuni stafit të Autoritetit Përgjegjës; "
              "kompjuteri duhet të regjistrohet përsëri me një kod të ri."},
    "outbox_damaged": {"en": "the outbox entry {name} is damaged ({detail}); keep the folder and "
                             "ask IT support",
                       "sq": "paketa në pritje {name} është e dëmtuar; mos e prekni dosjen dhe "
                             "drejtojuni mbështetjes IT"},

    # -- the command line's input ----------------------------------------------------------
    "now_invalid": {"en": "--now {text!r} is not a date and time like 2026-07-01T09:30",
                    "sq": "--now '{text}' nuk është datë dhe orë si 2026-07-01T09:30"},
    "file_missing": {"en": "{path}: no such file",
                     "sq": "{path}: ky skedar nuk ekziston"},
    "file_not_utf8": {"en": "{path}: the file is not UTF-8 text",
                      "sq": "{path}: skedari nuk është tekst UTF-8"},
    "file_unreadable": {"en": "{path}: cannot read the file ({reason})",
                        "sq": "{path}: skedari nuk mund të lexohet"},
    "answers_file_empty": {"en": "{path}: the file is empty; expected a JSON object such as "
                                 '{{"consent_interview": "yes"}}',
                           "sq": "{path}: skedari është bosh; pritej një objekt JSON si "
                                 '{{"consent_interview": "yes"}}'},
    "json_invalid": {"en": "{path}: line {line}, column {column}: not valid JSON ({detail})",
                     "sq": "{path}: rreshti {line}, kolona {column}: JSON i pavlefshëm"},
    "json_not_object": {"en": "{path}: expected a JSON object keyed by question id, found a "
                              "{found}",
                        "sq": "{path}: pritej një objekt JSON me identifikuesit e pyetjeve si "
                              "çelësa, u gjet {found}"},
    "json_file_invalid": {"en": "{path}: not a JSON file ({detail})",
                          "sq": "{path}: nuk është skedar JSON"},
    "json_not_list": {"en": "{path}: expected a JSON list of answer objects, found a {found}",
                      "sq": "{path}: pritej një listë JSON me objekte përgjigjesh, u gjet "
                            "{found}"},
    "mismatch": {"en": "the two entries differ; nothing was changed",
                 "sq": "të dyja hyrjet nuk përputhen; asgjë nuk u ndryshua"},
    "no_password": {"en": "no password given: set {env} or run in a terminal",
                    "sq": "nuk u dha fjalëkalimi: vendosni {env} ose ekzekutojeni komandën në "
                          "një terminal"},
    "comment_missing": {"en": "say what the officer must correct: --comment TEXT",
                        "sq": "shkruani çfarë duhet të korrigjojë punonjësi: --comment TEKST"},
    "output_is_folder": {"en": "{path} is a folder; give a file name",
                         "sq": "{path} është dosje; jepni emrin e një skedari"},
    "output_folder_missing": {"en": "the folder {path} does not exist",
                              "sq": "dosja {path} nuk ekziston"},
    "output_exists": {"en": "{path} already exists; choose another name or add --force",
                      "sq": "{path} ekziston tashmë; zgjidhni një emër tjetër ose shtoni "
                            "--force"},
    "output_not_folder": {"en": "{path} is not a folder",
                          "sq": "{path} nuk është dosje"},
    "output_folder_failed": {"en": "cannot create the folder {path} ({reason})",
                             "sq": "dosja {path} nuk mund të krijohet"},
    "output_failed": {"en": "cannot write {path} ({reason}); the audit log records the attempt",
                      "sq": "{path} nuk mund të shkruhet; regjistri i auditimit e shënon "
                            "përpjekjen"},

    # -- how a command ends (screening/commandline.py) -------------------------------------
    "cli.error": {"en": "error: {message}", "sq": "gabim: {message}"},
    "cli.refused_by_central": {"en": "central refused: {reason}",
                               "sq": "sistemi qendror refuzoi: {reason}"},
    "cli.interrupted": {"en": "interrupted", "sq": "u ndërpre"},
    "cli.internal": {
        "en": "internal error ({kind}): nothing was changed. Please report the time and the "
              "command to the IT support desk (run again with SCREENING_DEBUG=1 for the details "
              "they will ask for).",
        "sq": "gabim i brendshëm ({kind}): asgjë nuk u ndryshua. Ju lutemi njoftoni "
              "mbështetjen IT për orën dhe komandën (ekzekutojeni përsëri me "
              "SCREENING_DEBUG=1 për hollësitë që do t'ju kërkojnë)."},

    # -- cryptography and the wire format (screening/crypto.py, screening/sync/wire.py) ----
    "crypto_error": {"en": "a key, signature or sealed message is not what it claims to be",
                     "sq": "një çelës, nënshkrim ose mesazh i koduar nuk është ai që duhet"},
    "key_invalid": {"en": "a key has the wrong length",
                    "sq": "një çelës nuk ka gjatësinë e duhur"},
    "signature_invalid": {"en": "the signature does not verify: the data was changed or signed "
                                "by another key",
                          "sq": "nënshkrimi nuk verifikohet: të dhënat janë ndryshuar ose janë "
                                "nënshkruar me një çelës tjetër"},
    "decrypt_failed": {"en": "the batch cannot be decrypted: it was changed in transit, sealed "
                             "to another key, or its header does not belong to it",
                       "sq": "paketa nuk mund të deshifrohet: është ndryshuar gjatë rrugës, "
                             "është koduar për një çelës tjetër ose koka e saj nuk i përket"},
    "wire_invalid": {"en": "a message of the sync protocol is not valid",
                     "sq": "një mesazh i protokollit të sinkronizimit nuk është i vlefshëm"},
    "format_unsupported": {"en": "the file is in a format this version does not read",
                           "sq": "skedari është në një format që ky version nuk e lexon"},
    "batch_too_large": {"en": "the batch is larger than the limit",
                        "sq": "paketa është më e madhe se kufiri i lejuar"},
    "batch_too_large_decompressed": {"en": "the batch is larger than the limit once unpacked",
                                     "sq": "paketa, pasi hapet, është më e madhe se kufiri i "
                                           "lejuar"},
    "envelope_malformed": {"en": "the batch file is damaged or not a batch",
                           "sq": "skedari i paketës është i dëmtuar ose nuk është paketë"},
    "batch_too_many_interviews": {
        "en": "the batch holds more interviews than central takes in one batch",
        "sq": "paketa ka më shumë intervista se sa pranon sistemi qendror në një paketë"},
    "interview_too_large": {
        "en": "the data of an interview is larger than central takes",
        "sq": "të dhënat e një interviste janë më të mëdha se sa pranon sistemi qendror"},
    "content_malformed": {"en": "the content of the batch is damaged",
                          "sq": "përmbajtja e paketës është e dëmtuar"},
    "content_mismatch": {"en": "the content of the batch does not match its header",
                         "sq": "përmbajtja e paketës nuk përputhet me kokën e saj"},
    "content_hash_mismatch": {"en": "the content of the batch does not match its hash",
                              "sq": "përmbajtja e paketës nuk përputhet me gjurmën e saj"},
    "receipt_invalid": {"en": "central's receipt is not valid",
                        "sq": "vërtetimi i sistemit qendror nuk është i vlefshëm"},
    "receipt_mismatch": {"en": "central's receipt is for another batch",
                         "sq": "vërtetimi i sistemit qendror i përket një pakete tjetër"},
    "refusal_invalid": {"en": "central's refusal is not valid",
                        "sq": "refuzimi i sistemit qendror nuk është i vlefshëm"},
    "refusal_mismatch": {"en": "central's refusal is for another request",
                         "sq": "refuzimi i sistemit qendror i përket një kërkese tjetër"},
    "request_malformed": {"en": "the request is malformed",
                          "sq": "kërkesa nuk është e rregullt"},
    "response_malformed": {"en": "central's answer is malformed",
                           "sq": "përgjigjja e sistemit qendror nuk është e rregullt"},

    # -- central's refusals, shown on the workstation by their code -------------------------
    # an interview refused in a receipt (screening/central/batches/checks.py, merge.py)
    "refusal.interview_invalid": {
        "en": "the interview record is not shaped as the protocol says",
        "sq": "regjistrimi i intervistës nuk ka formën që kërkon protokolli"},
    "refusal.form_unknown": {
        "en": "central has no questionnaire of this form id and version",
        "sq": "sistemi qendror nuk e ka këtë pyetësor në këtë version"},
    "refusal.answers_invalid": {
        "en": "some answers are not valid for the questionnaire",
        "sq": "disa përgjigje nuk janë të vlefshme për pyetësorin"},
    "refusal.answers_missing": {
        "en": "some required questions are not answered",
        "sq": "disa pyetje të detyrueshme nuk kanë marrë përgjigje"},
    "refusal.time_in_future": {
        "en": "a time in the interview is in the future: check the workstation's clock",
        "sq": "një orë në intervistë është në të ardhmen: kontrolloni orën e këtij kompjuteri"},
    "refusal.checkpoint_unknown": {
        "en": "the interview names a checkpoint that is not in the reference data",
        "sq": "intervista emërton një pikë të kalimit kufitar që nuk gjendet në të dhënat e "
              "referencës"},
    "refusal.checkpoint_not_enrolled": {
        "en": "the interview names another checkpoint than the one this workstation is "
              "enrolled for",
        "sq": "intervista emërton një pikë të kalimit kufitar tjetër nga ajo për të cilën "
              "është regjistruar ky kompjuter"},
    "refusal.override_unapproved": {
        "en": "the officer lowered the computed outcome: the interview needs the reason and a "
              "supervisor's approval before it is sent",
        "sq": "punonjësi e uli vlerësimin e llogaritur: intervista ka nevojë për arsyen dhe "
              "për miratimin e një mbikëqyrësi para se të dërgohet"},
    "refusal.interview_other_device": {
        "en": "central holds this interview from another workstation",
        "sq": "sistemi qendror e ka këtë intervistë nga një kompjuter tjetër"},
    "refusal.revision_conflict": {
        "en": "central holds this revision of the interview with different content",
        "sq": "sistemi qendror e ka këtë version të intervistës me përmbajtje tjetër"},
    # a request or a batch refused (screening/central/refusals.py)
    "refusal.envelope_malformed": {"en": "the batch file is damaged or not a batch",
                                   "sq": "skedari i paketës është i dëmtuar ose nuk është "
                                         "paketë"},
    "refusal.request_malformed": {"en": "central could not read the request",
                                  "sq": "sistemi qendror nuk e lexoi dot kërkesën"},
    "refusal.format_unsupported": {"en": "central does not read this format",
                                   "sq": "sistemi qendror nuk e lexon këtë format"},
    "refusal.key_invalid": {"en": "the workstation's key is not valid",
                            "sq": "çelësi i këtij kompjuteri nuk është i vlefshëm"},
    "refusal.device_unknown": {"en": "central does not know this workstation: enrol it again",
                               "sq": "sistemi qendror nuk e njeh këtë kompjuter: regjistrojeni "
                                     "përsëri"},
    "refusal.signature_invalid": {"en": "the signature of the request does not verify",
                                  "sq": "nënshkrimi i kërkesës nuk verifikohet"},
    "refusal.device_revoked": {
        "en": "central has revoked this workstation: ask central staff for a new enrolment "
              "code",
        "sq": "sistemi qendror e ka revokuar këtë kompjuter: kërkojini stafit të Autoritetit "
              "Përgjegjës një kod të ri regjistrimi"},
    "refusal.enrolment_code_invalid": {
        "en": "the enrolment code is wrong, used or expired: ask central staff for a new one",
        "sq": "kodi i regjistrimit është i gabuar, i përdorur ose i skaduar: kërkojini stafit "
              "të Autoritetit Përgjegjës një kod të ri"},
    "refusal.receipt_not_found": {"en": "central has no receipt for this batch",
                                  "sq": "sistemi qendror nuk ka vërtetim për këtë paketë"},
    "refusal.not_found": {"en": "central serves nothing at this address",
                          "sq": "sistemi qendror nuk ofron asgjë në këtë adresë"},
    "refusal.method_not_allowed": {"en": "central does not accept this request here",
                                   "sq": "sistemi qendror nuk e pranon këtë kërkesë këtu"},
    "refusal.batch_conflict": {"en": "central holds another batch under this number",
                               "sq": "sistemi qendror ka një paketë tjetër me këtë numër"},
    "refusal.batch_replayed": {"en": "this batch was already sent",
                               "sq": "kjo paketë është dërguar tashmë"},
    "refusal.sequence_reused": {"en": "the batch number was already used",
                                "sq": "numri i paketës është përdorur tashmë"},
    "refusal.device_key_in_use": {"en": "this workstation's key is already enrolled",
                                  "sq": "çelësi i këtij kompjuteri është regjistruar tashmë"},
    "refusal.batch_too_large": {"en": "the batch is larger than central accepts",
                                "sq": "paketa është më e madhe se sa pranon sistemi qendror"},
    "refusal.batch_too_large_decompressed": {
        "en": "the batch is larger than central accepts once unpacked",
        "sq": "paketa, pasi hapet, është më e madhe se sa pranon sistemi qendror"},
    "refusal.content_hash_mismatch": {"en": "the batch does not match its hash",
                                      "sq": "paketa nuk përputhet me gjurmën e saj"},
    "refusal.decrypt_failed": {"en": "central could not decrypt the batch",
                               "sq": "sistemi qendror nuk e deshifroi dot paketën"},
    "refusal.batch_too_many_interviews": {
        "en": "the batch holds more interviews than central takes in one batch",
        "sq": "paketa ka më shumë intervista se sa pranon sistemi qendror në një paketë"},
    "refusal.interview_too_large": {
        "en": "the data of an interview is larger than central takes",
        "sq": "të dhënat e një interviste janë më të mëdha se sa pranon sistemi qendror"},
    "refusal.content_malformed": {"en": "the content of the batch is damaged",
                                  "sq": "përmbajtja e paketës është e dëmtuar"},
    "refusal.content_mismatch": {"en": "the content of the batch does not match its header",
                                 "sq": "përmbajtja e paketës nuk përputhet me kokën e saj"},
    "refusal.clock_skew": {"en": "the workstation's clock is wrong: set the date and time",
                           "sq": "ora e këtij kompjuteri është e gabuar: vendosni datën dhe orën "
                                 "e saktë"},
    "refusal.form_version_taken": {"en": "this form version is already published",
                                   "sq": "ky version i formularit është publikuar tashmë"},
    "refusal.match_unknown": {"en": "central knows no such match",
                              "sq": "sistemi qendror nuk njeh një përputhje të tillë"},
    "refusal.request_timeout": {"en": "the request took too long: try again",
                                "sq": "kërkesa zgjati shumë: provoni përsëri"},
    "refusal.request_incomplete": {"en": "the request arrived incomplete: try again",
                                   "sq": "kërkesa mbërriti e paplotë: provoni përsëri"},
    "refusal.busy": {"en": "central is busy: the next sync tries again",
                     "sq": "sistemi qendror është i zënë: sinkronizimi i radhës provon përsëri"},
    "refusal.internal": {"en": "central had an internal error: the next sync tries again",
                         "sq": "sistemi qendror pati një gabim të brendshëm: sinkronizimi i "
                               "radhës provon përsëri"},
    "refusal.refused": {"en": "central refused the request",
                        "sq": "sistemi qendror e refuzoi kërkesën"},
    # the problems of a refused interview (wire.Problem codes; the engine's issue codes)
    "problem.shape": {"en": "the record is not shaped as the protocol says",
                      "sq": "regjistrimi nuk ka formën që kërkon protokolli"},
    "problem.unreadable": {"en": "the answers cannot be evaluated",
                           "sq": "përgjigjet nuk mund të vlerësohen"},
    "problem.form_unknown": {"en": "central has no questionnaire of this form id and version",
                             "sq": "sistemi qendror nuk e ka këtë pyetësor në këtë version"},
    "problem.required": {"en": "this question must be answered",
                         "sq": "kjo pyetje duhet të marrë përgjigje"},
    "problem.invalid": {"en": "the answer is not valid for this question",
                        "sq": "përgjigjja nuk është e vlefshme për këtë pyetje"},
    "problem.constraint": {"en": "the answer breaks a rule of the questionnaire",
                           "sq": "përgjigjja nuk i plotëson rregullat e pyetësorit"},
    "problem.unknown_question": {"en": "the form has no such question",
                                 "sq": "formulari nuk ka një pyetje të tillë"},
    "problem.computed": {"en": "this value is computed by the form, not answered",
                         "sq": "kjo vlerë llogaritet nga formulari, nuk jepet si përgjigje"},
    "problem.in_future": {"en": "the time is in the future: check the workstation's clock",
                          "sq": "ora është në të ardhmen: kontrolloni orën e këtij kompjuteri"},
    "problem.time_invalid": {"en": "a time of the record is not an ISO time",
                             "sq": "një orë e regjistrimit nuk është në formatin ISO"},
    "problem.checkpoint_unknown": {
        "en": "the interview names a checkpoint that is not in the reference data",
        "sq": "intervista emërton një pikë të kalimit kufitar që nuk gjendet në të dhënat e "
              "referencës"},
    "problem.checkpoint_not_enrolled": {
        "en": "the interview names another checkpoint than the one this workstation is "
              "enrolled for",
        "sq": "intervista emërton një pikë të kalimit kufitar tjetër nga ajo për të cilën "
              "është regjistruar ky kompjuter"},
    "problem.not_approved": {
        "en": "the officer lowered the computed outcome: a supervisor must approve it",
        "sq": "punonjësi e uli vlerësimin e llogaritur: duhet ta miratojë një mbikëqyrës"},
}


def refusal(code: str, lang: str, central_words: str = "") -> str:
    """Central's refusal ``code`` for a reader of ``lang``: by its code; in English central's
    own words first (they may hold a detail, such as the schema path), and central's words in
    any language when the code is one this version does not know."""
    return _by_code(f"refusal.{code}", lang, central_words) or code


def problem(code: str, lang: str, central_words: str = "") -> str:
    """One problem of a refused interview for a reader of ``lang``, as ``refusal``."""
    return _by_code(f"problem.{code}", lang, central_words) or code


def _by_code(key: str, lang: str, central_words: str) -> str:
    if lang == "en" and central_words:
        return central_words
    return render(key, {}, lang) or central_words


def render(code: str, params: Mapping[str, Any], lang: str) -> str | None:
    """The message of ``code`` in ``lang`` (English where a language lacks it), or None when the
    catalogue has no such code or the parameters do not fill its template."""
    entry = MESSAGES.get(code)
    if entry is None:
        return None
    template = entry.get(lang) or entry["en"]
    values = {name: _in_language(value, lang) for name, value in params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return None


def text(code: str, lang: str, **params: Any) -> str:
    """A message the caller knows is in the catalogue (a command's own words)."""
    found = render(code, params, lang)
    if found is None:
        raise KeyError(f"the message {code!r} is not in the catalogue or lacks a parameter")
    return found


def _in_language(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping):
        chosen = value.get(lang) or value.get("en")
        return chosen if chosen is not None else ""
    if isinstance(value, list | tuple):
        return ", ".join(str(_in_language(item, lang)) for item in value)
    return value
