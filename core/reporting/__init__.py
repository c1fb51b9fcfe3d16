"""Periodic CCHC reports: periods, facts, the report document and its annex. No Django here."""
