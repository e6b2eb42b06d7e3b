"""The staff console: server-rendered pages at ``/console/`` of central's service (login,
batch inbox, devices and enrolment codes, quiet checkpoints, cases and their records, quarterly
statistics). ``views.install(app, central)`` adds it to the API application."""
