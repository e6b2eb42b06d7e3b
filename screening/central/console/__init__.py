"""The staff console: server-rendered pages at ``/console/`` of central's service (login,
batch inbox, devices and enrolment codes, quiet checkpoints, cases and their records, possible
repeat victims, quarterly statistics). ``app.install(app, central)`` adds it to the API; each
page is a module of ``routes/``."""
