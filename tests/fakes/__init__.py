"""Stand-ins for operating-system programs and calls that cannot run on this machine."""
