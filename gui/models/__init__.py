"""Qt item models for the process table."""
