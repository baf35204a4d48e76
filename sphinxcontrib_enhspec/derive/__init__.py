"""Pure functions of the records: lookups, relations, checks and each collection's rows."""
