"""Carrying out what the user asked: the runner (no Qt) and the controller that runs it off the UI thread."""
