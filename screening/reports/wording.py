"""The documents' own words, in Albanian and English. Labels of questions, choices, countries,
checkpoints and organisations come from the form and the reference data, not from here."""

from __future__ import annotations

LANGUAGES = ("sq", "en")

WORDS: dict[str, dict[str, str]] = {
    # shared
    "yes": {"sq": "Po", "en": "Yes"},
    "no": {"sq": "Jo", "en": "No"},
    "unknown": {"sq": "Nuk dihet", "en": "Unknown"},
    "not_recorded": {"sq": "Nuk është regjistruar", "en": "Not recorded"},
    "not_answered": {"sq": "Pa përgjigje", "en": "Not answered"},
    "none_recorded": {"sq": "Asnjë e regjistruar", "en": "None recorded"},
    "confidential": {"sq": "KONFIDENCIALE", "en": "CONFIDENTIAL"},
    "page": {"sq": "Faqja", "en": "Page"},
    "printed": {"sq": "Printuar më", "en": "Printed on"},
    "authority": {"sq": "Policia e Shtetit — Identifikimi paraprak i personave të kthyer",
                  "en": "State Police — Returnee screening"},
    # referral slip
    "slip_title": {"sq": "Fletë referimi", "en": "Referral slip"},
    "slip_notice": {
        "sq": "Përmban të dhëna për një viktimë të mundshme të trafikimit. Jepjani vetëm "
              "organizatës marrëse; mos e kopjoni; ruajeni të mbyllur.",
        "en": "Contains data about a possible victim of trafficking. Hand it only to the "
              "receiving organisation; do not copy it; keep it locked away."},
    "case": {"sq": "Rasti", "en": "Case"},
    "case_reference": {"sq": "Referenca e rastit", "en": "Case reference"},
    "interview_time": {"sq": "Data dhe ora e intervistës", "en": "Date and time of interview"},
    "checkpoint": {"sq": "Pika e kalimit kufitar", "en": "Border crossing point"},
    "referring_officer": {"sq": "Punonjësi që referon", "en": "Referring officer"},
    "approved_by": {"sq": "Miratuar nga", "en": "Approved by"},
    "not_approved_yet": {"sq": "Ende pa miratim", "en": "Not approved yet"},
    "login_name_only": {"sq": "emër përdoruesi", "en": "login name"},
    "person_name": {"sq": "Emri dhe mbiemri", "en": "Name"},
    "birth": {"sq": "Datëlindja / mosha", "en": "Date of birth / age"},
    "sex": {"sq": "Gjinia", "en": "Sex"},
    "nationality": {"sq": "Shtetësia", "en": "Nationality"},
    "language": {"sq": "Gjuha që flet", "en": "Language spoken"},
    "years_old": {"sq": "{n} vjeç", "en": "{n} years old"},
    "age_estimated": {"sq": "e vlerësuar", "en": "estimated"},
    "age_uncertain": {"sq": "e pasigurt", "en": "uncertain"},
    "referred_to": {"sq": "Referohet te", "en": "Referred to"},
    "organisation": {"sq": "Organizata", "en": "Organisation"},
    "address": {"sq": "Adresa", "en": "Address"},
    "phone": {"sq": "Telefoni", "en": "Phone"},
    "urgent": {"sq": "REFERIM URGJENT", "en": "URGENT REFERRAL"},
    "urgent_short": {"sq": "URGJENT", "en": "URGENT"},
    "further_referrals": {"sq": "Referime të tjera", "en": "Further referrals"},
    "reason": {"sq": "Arsyeja e referimit", "en": "Reason for referral"},
    "outcome": {"sq": "Vlerësimi", "en": "Outcome"},
    "positive_dimensions": {"sq": "Dimensionet pozitive", "en": "Positive dimensions"},
    "exploitation_type": {"sq": "Shfrytëzimi i dyshuar", "en": "Suspected exploitation"},
    "exploitation_country": {"sq": "Shteti i shfrytëzimit", "en": "Country of exploitation"},
    "person": {"sq": "Personi që referohet", "en": "The person referred"},
    "situation": {"sq": "Gjendja, nevojat dhe pëlqimi", "en": "Situation, needs and consent"},
    "child": {"sq": "Fëmijë", "en": "Child"},
    "guardian": {"sq": "Prindi ose kujdestari", "en": "Parent or guardian"},
    "unaccompanied": {"sq": "Fëmijë i pashoqëruar", "en": "Unaccompanied child"},
    "urgent_needs": {"sq": "Nevoja urgjente", "en": "Urgent needs"},
    "consent": {"sq": "Pëlqimi i regjistruar", "en": "Consent as recorded"},
    "consent_referral": {"sq": "Pëlqim për referim", "en": "Consent to referral"},
    "consent_data_sharing": {"sq": "Pëlqim për ndarjen e të dhënave",
                             "en": "Consent to data sharing"},
    "child_consent_note": {
        "sq": "Për një fëmijë, referimi te Njësia për Mbrojtjen e Fëmijëve nuk varet nga "
              "pëlqimi.",
        "en": "For a child, the referral to child protection does not depend on consent."},
    "need_needs_medical": {"sq": "Ndihmë mjekësore", "en": "Medical help"},
    "need_needs_psychological": {"sq": "Mbështetje psikologjike", "en": "Psychological support"},
    "need_needs_shelter": {"sq": "Strehim", "en": "A place to stay"},
    "need_needs_legal": {"sq": "Ndihmë juridike", "en": "Legal help"},
    "need_no_safe_place": {"sq": "Nuk ka vend të sigurt për të fjetur sonte",
                           "en": "No safe place to stay tonight"},
    "help_lines": {"sq": "Linjat e ndihmës", "en": "Help lines"},
    "signatures": {"sq": "Nënshkrimet", "en": "Signatures"},
    "sign_officer": {"sq": "Punonjësi që referon: emri, nënshkrimi",
                     "en": "Referring officer: name, signature"},
    "sign_receiver": {"sq": "Marrë nga: emri, nënshkrimi, data dhe ora",
                      "en": "Received by: name, signature, date and time"},
    "fill_by_hand": {"sq": "plotësoni me dorë", "en": "fill in by hand"},
    # interview record
    "record_title": {"sq": "Procesverbali i intervistës", "en": "Interview record"},
    "record_notice": {
        "sq": "Dokument konfidencial për dosjen e rastit. Mos e kopjoni dhe mos e jepni jashtë "
              "Policisë së Shtetit dhe Autoritetit Përgjegjës.",
        "en": "Confidential document for the case file. Do not copy it or pass it outside the "
              "State Police and the Responsible Authority."},
    "invalid_answer": {"sq": "përgjigje e pavlefshme", "en": "invalid answer"},
    "interview_id": {"sq": "Identifikuesi i intervistës", "en": "Interview id"},
    "form": {"sq": "Formulari", "en": "Form"},
    "status": {"sq": "Gjendja", "en": "Status"},
    "officer": {"sq": "Punonjësi", "en": "Officer"},
    "started_at": {"sq": "Filloi më", "en": "Started"},
    "finalised_at": {"sq": "Përfundoi më", "en": "Finalised"},
    "assessment": {"sq": "Vlerësimi dhe shpjegimi", "en": "Assessment and explanation"},
    "computed_outcome": {"sq": "Rezultati i llogaritur", "en": "Computed outcome"},
    "officer_outcome": {"sq": "Vlerësimi i punonjësit", "en": "Officer's outcome"},
    "explanation": {"sq": "Shpjegimi", "en": "Explanation"},
    "audit_trail": {"sq": "Gjurma e veprimeve", "en": "Audit trail"},
    "audit_at": {"sq": "Koha", "en": "Time"},
    "audit_actor": {"sq": "Kush", "en": "Who"},
    "audit_action": {"sq": "Veprimi", "en": "Action"},
    "no_audit": {"sq": "Nuk ka veprime të regjistruara.", "en": "No actions recorded."},
    "status_draft": {"sq": "Draft", "en": "Draft"},
    "status_finalised": {"sq": "Përfunduar", "en": "Finalised"},
    "status_approved": {"sq": "Miratuar", "en": "Approved"},
    "status_returned_for_correction": {"sq": "Kthyer për korrigjim",
                                       "en": "Returned for correction"},
    # quarterly statistics
    "quarterly_title": {"sq": "Statistikat tremujore", "en": "Quarterly statistics"},
    "quarter": {"sq": "Tremujori", "en": "Quarter"},
    "period": {"sq": "Periudha", "en": "Period"},
    "all_checkpoints": {"sq": "Të gjitha pikat e kalimit", "en": "All checkpoints"},
    "interviews_counted": {"sq": "Intervista të numëruara", "en": "Interviews counted"},
    "empty_quarter": {
        "sq": "Nuk ka asnjë intervistë në këtë tremujor{where}: të gjitha tabelat janë bosh.",
        "en": "There are no interviews in this quarter{where}: every table is empty."},
    "empty_where": {"sq": " për këtë pikë kalimi", "en": " for this checkpoint"},
    "suppression_note": {
        "sq": "Numrat nga 1 deri në {k1} nuk botohen: qelizat „x” janë fshehur, disa prej tyre "
              "edhe kur janë 0 ose të mëdha, që asnjë numër i vogël të mos nxirret nga totalet, "
              "nga tabelat e tjera apo nga raportet e pikave dhe periudhave të tjera; „x” mund "
              "të jetë çdo numër nga 0 deri në të paktën {k1}. Vendet me më pak se {k} persona "
              "janë bashkuar te „Vende të tjera”.",
        "en": "Counts from 1 to {k1} are not published: cells marked “x” are hidden — some "
              "of them zeros or large counts — so that no small count can be worked out from "
              "the totals, the other tables, or the reports of other checkpoints and periods; "
              "an “x” may be any count from 0 to at least {k1}. Countries with fewer than {k} "
              "people are added up under “Other countries”."},
    "trend": {"sq": "Prirja: intervistat sipas tremujorit dhe vlerësimit, tetë tremujorët e "
                    "fundit",
              "en": "Trend: interviews by quarter and outcome, the last eight quarters"},
    "uncounted_note": {
        "sq": "{n} intervista të kësaj periudhe nuk numërohen: të dhënat e tyre personale janë "
              "fshirë sipas rregullit të ruajtjes.",
        "en": "{n} interview(s) of this period are not counted: their personal data was "
              "deleted under the retention rule."},
    "other_countries": {"sq": "Vende të tjera ose të paregjistruara",
                        "en": "Other countries or not recorded"},
    "counting_note": {
        "sq": "Numërohen intervistat sipas datës së intervistës. Vlerësimi është ai i "
              "punonjësit. Një person me disa sektorë veprimtarie numërohet te „Disa sektorë”.",
        "en": "Interviews are counted by interview date. The outcome is the officer's. A "
              "person with several activity sectors counts under “Several sectors”."},
    "total": {"sq": "Gjithsej", "en": "Total"},
    "adult": {"sq": "Të rritur", "en": "Adults"},
    "child_group": {"sq": "Fëmijë", "en": "Children"},
    "several": {"sq": "Disa sektorë", "en": "Several sectors"},
    "status_new": {"sq": "Viktimë e re", "en": "New victim"},
    "status_repeat": {"sq": "Viktimë e përsëritur", "en": "Repeat victim"},
    "status_unknown": {"sq": "Nuk dihet", "en": "Not known"},
    "chart_hidden": {"sq": "Vlerat e fshehura nuk vizatohen.",
                     "en": "Hidden values are not drawn."},
    "t1": {"sq": "1. Persona të kthyer të intervistuar, sipas pikës së kalimit, moshës dhe "
                 "gjinisë",
           "en": "1. Returnees screened, by checkpoint, adults/children and sex"},
    "t2": {"sq": "2. Vlerësimi i punonjësit, sipas moshës dhe gjinisë",
           "en": "2. Officer's outcome, by adults/children and sex"},
    "t3": {"sq": "3. Si u trajtuan: veprimi i marrë sipas vlerësimit",
           "en": "3. How processed: action taken by outcome"},
    "t4": {"sq": "4. Viktima të mundshme të trafikimit (me tregues të plotë dhe me dyshim), "
                 "sipas shtetësisë, gjinisë dhe grupmoshës",
           "en": "4. Presumed and suspected victims, by nationality, sex and age band"},
    "t5": {"sq": "5. Viktima të mundshme të trafikimit (me tregues të plotë dhe me dyshim), "
                 "sipas shtetit të shfrytëzimit dhe "
                 "sektorit të veprimtarisë",
           "en": "5. Presumed and suspected victims, by country of exploitation and activity "
                 "sector"},
    "t6": {"sq": "6. Viktima të reja dhe të përsëritura, sipas moshës dhe gjinisë",
           "en": "6. New and repeat victims, by adults/children and sex"},
    "t7": {"sq": "7. Persona të kthyer sipas shtetit nga u kthyen dhe mënyrës së kthimit",
           "en": "7. Returnees by country returned from and return mode"},
    "chart": {"sq": "Vlerësimet sipas pikës së kalimit", "en": "Outcomes by checkpoint"},
    # the national plan's breakdowns (tables 9-17)
    "t9": {"sq": "9. Si u trajtuan: veprimi i marrë sipas moshës dhe gjinisë",
           "en": "9. How processed: action taken, by adults/children and sex"},
    "t10": {"sq": "10. Shtetas shqiptarë dhe shtetas të huaj, sipas moshës dhe gjinisë",
            "en": "10. Albanian citizens and foreign nationals, by adults/children and sex"},
    "t11": {"sq": "11. Fëmijë të kthyer nga Greqia: a u kthyen sipas marrëveshjes "
                  "Shqipëri–Greqi, sipas gjinisë",
            "en": "11. Children returned from Greece: returned under the Albania–Greece "
                  "agreement, by sex"},
    "t12": {"sq": "12. Fëmijë: a ishin të pashoqëruar, sipas gjinisë",
            "en": "12. Children: whether unaccompanied, by sex"},
    "t13": {"sq": "13. Pëlqimi për intervistën (personat që nuk pranuan), sipas moshës dhe "
                  "gjinisë",
            "en": "13. Consent to the interview (people who declined), by adults/children "
                  "and sex"},
    "t14": {"sq": "14. A iu ofrua personit një intervistues i së njëjtës gjini, sipas moshës "
                  "dhe gjinisë",
            "en": "14. Whether an interviewer of the same sex was offered, by adults/children "
                  "and sex"},
    "t15": {"sq": "15. Kthime të njoftuara paraprakisht: kush e njoftoi, sipas mënyrës së "
                  "kthimit",
            "en": "15. Returns notified in advance: who notified, by return mode"},
    "t16": {"sq": "16. Kush e priti personin në mbërritje, sipas moshës dhe gjinisë",
            "en": "16. Who met the person on arrival, by adults/children and sex"},
    "t17": {"sq": "17. Referimet (referimi kryesor dhe çdo referim tjetër), sipas llojit, "
                  "moshës dhe gjinisë",
            "en": "17. Referrals (the primary one and every further one), by type, "
                  "adults/children and sex"},
    "citizenship_albanian": {"sq": "Shtetas shqiptarë", "en": "Albanian citizens"},
    "citizenship_foreign": {"sq": "Shtetas të huaj", "en": "Foreign nationals"},
    "consent_yes": {"sq": "Pranoi intervistën", "en": "Agreed to the interview"},
    "consent_no": {"sq": "Nuk pranoi intervistën", "en": "Declined the interview"},
    "notice_several": {"sq": "Disa prej tyre", "en": "Several of them"},
    "notice_yes_by_unstated": {"sq": "Po, pa u shënuar nga kush",
                               "en": "Yes, by whom not recorded"},
    "notice_no": {"sq": "Nuk u njoftua", "en": "Not notified"},
    "notice_unknown": {"sq": "Nuk dihet", "en": "Unknown"},
    "met_several": {"sq": "Disa prej tyre", "en": "Several of them"},
    "referrals_note": {
        "sq": "Tabela 17 numëron referimet, jo personat: një person me disa referime "
              "numërohet një herë për çdo referim.",
        "en": "Table 17 counts referrals, not people: a person with several referrals counts "
              "once for each."},
    # the case registry's tables (18-22), central's only (screening/reports/registrytables.py)
    "t18": {"sq": "18. Persona të strehuar në qendra strehimi, sipas shtetësisë, gjinisë dhe "
                  "grupmoshës",
            "en": "18. Persons accommodated in shelters, by nationality, sex and age band"},
    "t19": {"sq": "19. Persona të strehuar në qendra strehimi, sipas shtetit të shfrytëzimit "
                  "dhe kohëzgjatjes së qëndrimit (faktike ose e pritur)",
            "en": "19. Persons accommodated in shelters, by country of exploitation and actual "
                  "or anticipated length of stay"},
    "t20": {"sq": "20. Persona të strehuar në qendra strehimi: viktimë-dëshmitar dhe leja e "
                  "përkohshme e qëndrimit",
            "en": "20. Persons accommodated in shelters: victim-witness status and temporary "
                  "residence permit"},
    "t21": {"sq": "21. Persona të strehuar në qendra strehimi: viktima të reja dhe të "
                  "përsëritura, të rritur dhe fëmijë",
            "en": "21. Persons accommodated in shelters: new and repeat victims, adults and "
                  "children"},
    "t22": {"sq": "22. Viktima të identifikuara formalisht dhe viktima të mundshme, të "
                  "rritur dhe fëmijë",
            "en": "22. Formally identified and suspected victims, adults and children"},
    "stay_actual": {"sq": "Faktike (personi është larguar)", "en": "Actual (the person left)"},
    "stay_anticipated": {"sq": "E pritur (personi është ende në qendër)",
                         "en": "Anticipated (still in the shelter)"},
    "stay_lt1": {"sq": "Më pak se 1 muaj", "en": "Under 1 month"},
    "stay_1-3": {"sq": "1–3 muaj", "en": "1–3 months"},
    "stay_3-6": {"sq": "3–6 muaj", "en": "3–6 months"},
    "stay_6-12": {"sq": "6–12 muaj", "en": "6–12 months"},
    "stay_gt12": {"sq": "Më shumë se 12 muaj", "en": "More than 12 months"},
    "stay_unknown": {"sq": "Pa datë dalje", "en": "No exit date"},
    "witness_yes": {"sq": "Viktimë-dëshmitar", "en": "Victim-witness"},
    "witness_no": {"sq": "Jo dëshmitar", "en": "Not a witness"},
    "witness_unknown": {"sq": "Nuk dihet", "en": "Not known"},
    "permit_applied": {"sq": "Leja e kërkuar", "en": "Permit applied for"},
    "permit_granted": {"sq": "Leja e dhënë", "en": "Permit granted"},
    "permit_refused": {"sq": "Leja e refuzuar", "en": "Permit refused"},
    "permit_none": {"sq": "Shtetas i huaj, pa kërkesë për leje",
                    "en": "Foreign national, not applied for"},
    "permit_not_applicable": {"sq": "Shtetas shqiptar (nuk zbatohet)",
                              "en": "Albanian citizen (not applicable)"},
    "formal_identified_victim": {"sq": "Viktimë e trafikimit (e identifikuar formalisht)",
                                 "en": "Identified victim of trafficking (formal status)"},
    "formal_potential_victim": {"sq": "Viktimë e mundshme e trafikimit (statusi formal)",
                                "en": "Potential victim of trafficking (formal status)"},
    "formal_not_victim": {"sq": "Nuk është viktimë e trafikimit (vendim formal)",
                          "en": "Not a victim of trafficking (formal decision)"},
    "formal_undecided": {"sq": "Viktimë e mundshme vetëm sipas identifikimit paraprak: ende pa "
                               "vendim formal",
                         "en": "Suspected at screening only: no formal decision yet"},
    "formal_not_suspected": {"sq": "Persona të identifikuar formalisht si viktima ose "
                                   "viktima të mundshme, pa u dyshuar në identifikimin "
                                   "paraprak",
                             "en": "Formally identified as a victim or potential victim, not "
                                   "suspected at screening"},
    "registry_note": {
        "sq": "Tabelat 18–21 numërojnë çdo person të strehuar në një qendër strehimi një herë, "
              "në periudhën e pranimit të parë; kohëzgjatja e qëndrimit është ajo faktike kur "
              "dalja është regjistruar, përndryshe ajo e pritur. Tabela 22 numëron intervistat "
              "e periudhës sipas statusit formal që ka regjistruar Autoriteti Përgjegjës.",
        "en": "Tables 18–21 count each person accommodated in a shelter once, in the period "
              "of the first admission; the length of stay is the actual one once the exit is "
              "recorded, else the anticipated one. Table 22 counts the period's interviews by "
              "the formal status the Responsible Authority recorded."},
    "registry_central_only": {
        "sq": "Tabelat 18–22 (personat e strehuar në qendra strehimi dhe viktimat e "
              "identifikuara formalisht) i prodhon sistemi qendror: ato numërohen nga regjistri "
              "i rasteve i Autoritetit Përgjegjës, të cilin ky kompjuter nuk e ka.",
        "en": "Tables 18–22 (persons accommodated in shelters; formally identified victims) "
              "are produced by the central system: they are counted from the Responsible "
              "Authority's case registry, which this workstation does not hold."},
    # audit actions the store records (screening/store); others print as written
    "action_interview_created": {"sq": "Intervista u krijua", "en": "Interview created"},
    "action_interview_finalised": {"sq": "Intervista u përfundua", "en": "Interview finalised"},
    "action_interview_returned": {"sq": "U kthye për korrigjim",
                                  "en": "Returned for correction"},
    "action_interview_approved": {"sq": "Intervista u miratua", "en": "Interview approved"},
    "action_interview_imported": {"sq": "Intervista u importua", "en": "Interview imported"},
    "action_slip_printed": {"sq": "Fleta e referimit u printua", "en": "Referral slip printed"},
    "action_record_printed": {"sq": "Procesverbali u printua", "en": "Record printed"},
}


def word(key: str, lang: str) -> str:
    """The word ``key`` in ``lang``; English when the language has no entry."""
    entry = WORDS[key]
    return entry.get(lang) or entry["en"]


def both(key: str, separator: str = " / ") -> str:
    """Albanian first, then English: the order the slip uses everywhere."""
    return separator.join(word(key, lang) for lang in LANGUAGES)
