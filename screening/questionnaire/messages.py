"""Bilingual texts the engine produces itself (answer errors, required actions, explanations).

Form texts (labels, hints, constraint messages) come from the form definition; these are the
engine's own words. Every key has every language; a test keeps it so.
"""

from __future__ import annotations

from collections.abc import Mapping

Text = Mapping[str, str]

MESSAGES: dict[str, dict[str, str]] = {
    # answer validation
    "expected_text": {"en": "Enter text.", "sq": "Shkruani tekst."},
    "text_too_long": {"en": "This answer is too long (at most {limit} characters).",
                      "sq": "Kjo përgjigje është shumë e gjatë (jo më shumë se {limit} shenja)."},
    "expected_integer": {"en": "Enter a whole number.", "sq": "Shkruani një numër të plotë."},
    "expected_number": {"en": "Enter a number.", "sq": "Shkruani një numër."},
    "expected_date": {"en": "Enter a date as YYYY-MM-DD.",
                      "sq": "Shkruani datën në formën VVVV-MM-DD."},
    "expected_datetime": {"en": "Enter a date and time as YYYY-MM-DDThh:mm.",
                          "sq": "Shkruani datën dhe orën në formën VVVV-MM-DDThh:mm."},
    "unknown_choice": {"en": "'{value}' is not one of the choices.",
                       "sq": "'{value}' nuk është një nga zgjedhjet."},
    "expected_list": {"en": "Choose from the list (several answers allowed).",
                      "sq": "Zgjidhni nga lista (lejohen disa përgjigje)."},
    "duplicate_choice": {"en": "'{value}' is chosen twice.",
                         "sq": "'{value}' është zgjedhur dy herë."},
    "unknown_country": {"en": "'{value}' is not a known country code.",
                        "sq": "'{value}' nuk është kod i njohur shteti."},
    "unknown_checkpoint": {"en": "'{value}' is not a known checkpoint.",
                           "sq": "'{value}' nuk është pikë e njohur kalimi kufitar."},
    "unknown_organisation": {"en": "'{value}' is not in the referral directory.",
                             "sq": "'{value}' nuk gjendet në listën e organizatave të "
                                   "referimit."},
    "expected_items": {"en": "Enter a list of entries.", "sq": "Jepni një listë me të dhëna."},
    "repeat_item_invalid": {"en": "{item}: {detail}", "sq": "{item}: {detail}"},
    "too_many_items": {"en": "At most {limit} entries.", "sq": "Jo më shumë se {limit} rreshta."},
    "repeat_item": {"en": "Entry {index}", "sq": "Rreshti {index}"},
    "unknown_field": {"en": "'{name}' is not a field of this entry.",
                      "sq": "'{name}' nuk është fushë e këtij rreshti."},
    "computed": {"en": "This value is computed by the form and cannot be entered.",
                 "sq": "Kjo vlerë llogaritet nga formulari dhe nuk mund të shkruhet."},
    "unknown_question": {"en": "There is no question '{name}' in this form.",
                         "sq": "Në këtë formular nuk ka pyetje '{name}'."},
    "constraint_failed": {"en": "This answer is not accepted.",
                          "sq": "Kjo përgjigje nuk pranohet."},
    "required": {"en": "This question must be answered.",
                 "sq": "Kjo pyetje duhet të marrë përgjigje."},
    # required actions (docs/questionnaire-standard.md §3)
    "referral_required": {
        "en": "The outcome is {outcome}: choose a referral as the action taken.",
        "sq": "Rezultati është {outcome}: si veprim duhet zgjedhur një referim."},
    "organisation_required": {
        "en": "Choose the organisation the person is referred to.",
        "sq": "Zgjidhni organizatën ku referohet personi."},
    "child_protection_required": {
        "en": "This person is treated as a child ({why}): the action must be a referral to "
              "child protection. The child's consent is recorded, but this referral does not "
              "depend on it.",
        "sq": "Ky person trajtohet si fëmijë ({why}): veprimi duhet të jetë referim te Njësia për "
              "Mbrojtjen e Fëmijëve. Pëlqimi i fëmijës regjistrohet, por ky referim nuk varet "
              "prej tij."},
    "child_protection_organisation_required": {
        "en": "This person is treated as a child ({why}): the receiving organisation must be "
              "child protection, not {organisation}. Choose the Child Protection Unit.",
        "sq": "Ky person trajtohet si fëmijë ({why}): organizata pritëse duhet të jetë "
              "Njësia për Mbrojtjen e Fëmijëve, jo {organisation}. Zgjidhni Njësinë për "
              "Mbrojtjen e Fëmijëve."},
    "why_unaccompanied": {"en": "unaccompanied", "sq": "i pashoqëruar"},
    "why_indicators": {"en": "the outcome is {outcome}", "sq": "rezultati është {outcome}"},
    "consent_referral_required": {
        "en": "A referral to a shelter or NGO needs the person's consent to referral. Without it, "
              "refer to the police anti-trafficking unit or social services and give the "
              "information leaflet.",
        "sq": "Referimi në një qendër strehimi ose te një organizatë joqeveritare kërkon pëlqimin "
              "e personit për referim. Pa të, referojeni te sektori kundër trafikimit i Policisë "
              "së Shtetit ose te Shërbimi Social Shtetëror dhe jepini fletëpalosjen informuese."},
    "override_needs_approval": {
        "en": "The officer's outcome ({officer}) is lower than the computed outcome "
              "({computed}): a reason is required and a supervisor must approve it.",
        "sq": "Rezultati i dhënë nga punonjësi ({officer}) është më i ulët se rezultati i "
              "llogaritur ({computed}): kërkohet arsyeja dhe miratimi i mbikëqyrësit."},
    "organisation_not_for_children": {
        "en": "{organisation} does not take children: choose another organisation.",
        "sq": "{organisation} nuk pranon fëmijë: zgjidhni një organizatë tjetër."},
    "organisation_not_for_men": {
        "en": "{organisation} does not take men: check with the organisation or choose another.",
        "sq": "{organisation} nuk pranon burra: verifikoni me organizatën ose zgjidhni një "
              "tjetër."},
    # further referrals (2026.2): what only an entry can get wrong
    "referral_type_mismatch": {
        "en": "{organisation} does not give this help ({kind}): choose the type of help it "
              "gives, or another organisation.",
        "sq": "{organisation} nuk e jep këtë ndihmë ({kind}): zgjidhni llojin e ndihmës që "
              "jep, ose një organizatë tjetër."},
    "referral_repeated": {
        "en": "{organisation} is already named for this help in another referral: record "
              "each referral once.",
        "sq": "{organisation} është shënuar tashmë për këtë ndihmë në një referim tjetër: "
              "shënojeni çdo referim vetëm një herë."},
    "referral_urgent_required": {
        "en": "The person spoke of sexual violence: the referral to health care is urgent.",
        "sq": "Personi tregoi dhunë seksuale: referimi për kujdes shëndetësor është urgjent."},
    # explanation
    "strength_S": {"en": "strong", "sq": "i fortë"},
    "strength_M": {"en": "medium", "sq": "mesatar"},
    "strength_W": {"en": "weak", "sq": "i dobët"},
    "profile_child": {
        "en": "Profile: child — the person is treated as a child (under 18, or age uncertain and "
              "under 21), so the child strengths apply.",
        "sq": "Profili: fëmijë — personi trajtohet si fëmijë (nën 18 vjeç, ose mosha e pasigurt "
              "dhe nën 21 vjeç), prandaj zbatohen peshat për fëmijët."},
    "age_unknown": {
        "en": "No age could be worked out (no valid date of birth and no age estimate), so the "
              "person was not assessed as a child. If the person may be a child, record the "
              "date of birth or an estimate.",
        "sq": "Mosha nuk mund të llogaritet (nuk ka datë lindjeje të vlefshme dhe as moshë të "
              "vlerësuar), prandaj personi nuk u vlerësua si fëmijë. Nëse personi mund të jetë "
              "fëmijë, shënoni datën e lindjes ose një moshë të vlerësuar."},
    "age_unknown_presumed_child": {
        "en": "No age could be worked out (no valid date of birth and no age estimate), so the "
              "person is presumed to be a child until the age is known (Council of Europe "
              "Convention, Art. 10): the child safeguards apply. Record the date of birth or an "
              "estimate as soon as possible.",
        "sq": "Mosha nuk mund të llogaritet (nuk ka datë lindjeje të vlefshme dhe as moshë të "
              "vlerësuar), prandaj personi prezumohet fëmijë derisa të dihet mosha (Konventa e "
              "Këshillit të Evropës, neni 10): zbatohen masat mbrojtëse për fëmijët. Shënoni sa "
              "më shpejt datën e lindjes ose një moshë të vlerësuar."},
    "profile_adult_sexual": {
        "en": "Profile: adult, sexual exploitation — the activity abroad includes sexual "
              "services.",
        "sq": "Profili: person madhor, shfrytëzim seksual — veprimtaria jashtë vendit përfshin "
              "shërbime seksuale."},
    "profile_adult_labour": {
        "en": "Profile: adult, labour and other exploitation.",
        "sq": "Profili: person madhor, shfrytëzim në punë ose shfrytëzim tjetër."},
    "fired": {"en": "Indicator present: “{label}” ({dimension}, {strength}).",
              "sq": "Tregues i pranishëm: „{label}” ({dimension}, {strength})."},
    "no_fired": {"en": "No indicator was answered “yes”.",
                 "sq": "Asnjë tregues nuk ka marrë përgjigjen „po”."},
    "dimension_positive": {
        "en": "{dimension} {label} is positive: {counts} — {rule}.",
        "sq": "{dimension} ({label}) është dimension pozitiv: {counts} — {rule}."},
    "dimension_not_positive": {
        "en": "{dimension} {label} is not positive: only {counts} (it needs two strong, one "
              "strong and another, three medium, or two medium and one weak).",
        "sq": "{dimension} ({label}) nuk është dimension pozitiv: vetëm {counts} (duhen dy "
              "tregues të fortë, një i fortë dhe një tjetër, tre mesatarë, ose dy mesatarë dhe "
              "një i dobët)."},
    "rule_2S": {"en": "two strong indicators", "sq": "dy tregues të fortë"},
    "rule_SM": {"en": "one strong and one medium indicator",
                "sq": "një tregues i fortë dhe një mesatar"},
    "rule_SW": {"en": "one strong and one weak indicator",
                "sq": "një tregues i fortë dhe një i dobët"},
    "rule_3M": {"en": "three medium indicators", "sq": "tre tregues mesatarë"},
    "rule_2MW": {"en": "two medium and one weak indicator",
                 "sq": "dy tregues mesatarë dhe një i dobët"},
    "count_S_1": {"en": "1 strong", "sq": "1 i fortë"},
    "count_S_n": {"en": "{n} strong", "sq": "{n} të fortë"},
    "count_M_1": {"en": "1 medium", "sq": "1 mesatar"},
    "count_M_n": {"en": "{n} medium", "sq": "{n} mesatarë"},
    "count_W_1": {"en": "1 weak", "sq": "1 i dobët"},
    "count_W_n": {"en": "{n} weak", "sq": "{n} të dobët"},
    "observations": {"en": "Officer observations answered “yes”: {count} ({names}).",
                     "sq": "Vëzhgime të punonjësit me përgjigjen „po”: {count} ({names})."},
    "risk_factors": {"en": "Risk factors present: {names}.",
                     "sq": "Faktorë rreziku të pranishëm: {names}."},
    "outcome_step1_adult": {
        "en": "Outcome: {outcome} (rule step 1) — recruitment ({recruitment}), exploitation "
              "({exploitation}) and means ({means}) are all positive.",
        "sq": "Rezultati: {outcome} (hapi 1 i rregullit) — rekrutimi ({recruitment}), "
              "shfrytëzimi ({exploitation}) dhe mjetet ({means}) janë të gjitha pozitive."},
    "outcome_step1_child": {
        "en": "Outcome: {outcome} (rule step 1, child) — recruitment ({recruitment}) and "
              "exploitation ({exploitation}) are positive; for a child the means element is "
              "not needed.",
        "sq": "Rezultati: {outcome} (hapi 1 i rregullit, fëmijë) — rekrutimi ({recruitment}) "
              "dhe shfrytëzimi ({exploitation}) janë pozitive; për një fëmijë nuk nevojitet "
              "elementi i mjeteve."},
    "outcome_step2": {"en": "Outcome: {outcome} (rule step 2) — {reasons}.",
                      "sq": "Rezultati: {outcome} (hapi 2 i rregullit) — {reasons}."},
    "outcome_step3": {"en": "Outcome: {outcome} (rule step 3) — {reasons}.",
                      "sq": "Rezultati: {outcome} (hapi 3 i rregullit) — {reasons}."},
    "outcome_step4": {
        "en": "Outcome: {outcome} (rule step 4) — no indicator, officer observation or risk "
              "factor is present.",
        "sq": "Rezultati: {outcome} (hapi 4 i rregullit) — nuk ka asnjë tregues, vëzhgim të "
              "punonjësit apo faktor rreziku."},
    "reason_positive_dimension": {"en": "a dimension is positive ({dimensions})",
                                  "sq": "një dimension është pozitiv ({dimensions})"},
    "reason_strong": {"en": "a strong indicator is present ({names})",
                      "sq": "është i pranishëm një tregues i fortë ({names})"},
    "reason_child_any": {"en": "the person is a child and an indicator is present",
                         "sq": "personi është fëmijë dhe ka të paktën një tregues"},
    "reason_two_observations": {"en": "{count} officer observations are “yes”",
                                "sq": "{count} vëzhgime të punonjësit kanë marrë përgjigjen „po”"},
    "reason_any_indicator": {"en": "an indicator is present",
                             "sq": "është i pranishëm të paktën një tregues"},
    "reason_one_observation": {"en": "an officer observation is “yes”",
                               "sq": "një vëzhgim i punonjësit ka marrë përgjigjen „po”"},
    "reason_risk_factor": {"en": "a risk factor is present ({names})",
                           "sq": "është i pranishëm një faktor rreziku ({names})"},
    "and": {"en": " and ", "sq": " dhe "},
    "and_list": {"en": "; ", "sq": "; "},
}


def say(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (English when the language is unknown)."""
    templates = MESSAGES[key]
    template = templates.get(lang) or templates["en"]
    return template.format(**values) if values else template


def bilingual(key: str, **values: object) -> dict[str, str]:
    """The message ``key`` in every language, for storage and later display."""
    return {lang: template.format(**values) if values else template
            for lang, template in MESSAGES[key].items()}
