"""Reference data published to the workstations (questionnaire versions, the reference folder,
the revocation list) and the signed pull that fetches it."""
