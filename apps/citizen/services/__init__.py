"""Writes of citizen voice, one module per part: ``petitions``, ``surveys``, ``ratings``."""
