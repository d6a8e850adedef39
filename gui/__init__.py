"""ProcPilot: a desktop process manager that ends misbehaving processes safely."""

__version__ = "0.1.0"
