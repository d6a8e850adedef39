"""The privileged helper: ``procpilot --elevated-helper``, run as root for one batch.

Qt-free and small on purpose: it imports nothing but the standard library and
:mod:`gui.core.elevation_protocol`, trusts nothing but the integers of its request, and
re-checks each process's identity itself before it sends anything.
"""
