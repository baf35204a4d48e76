"""Calendar dates as specs write them: ISO 8601, ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_date(text: str) -> date | None:
    """`text` as a calendar date, or None unless it is a valid ``YYYY-MM-DD``."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
