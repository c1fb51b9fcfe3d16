"""Demo data of citizen voice (filled in below)."""
