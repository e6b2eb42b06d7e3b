"""The ``screening-central`` command: ``main`` parses and reports errors; one module per group
of commands."""
