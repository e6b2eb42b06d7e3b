"""The ``screening`` command line: the workstation's tools for officers, supervisors and IT."""
