"""Central staff: accounts and roles, console login and sessions, and the staff audit."""
