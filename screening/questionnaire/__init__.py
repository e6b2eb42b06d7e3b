"""Form definitions: loading and checking, the expression language, navigation, answer
validation, and the scoring and decision rule of the standard questionnaire."""
