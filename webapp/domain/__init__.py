"""The regulation as plain functions and data: no Flask in here."""
