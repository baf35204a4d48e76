"""Inputs besides the documents: each returns values and problems, and never warns."""
