"""Calendar dates as specs write them: ISO 8601, ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_date(text: str) -> date | None:
    """`text` as a calendar date, or None unless it is a valid ``YYYY-MM-DD``."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


#: The reproducible-builds variable that fixes the build's date.
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
_EPOCH = re.compile(r"^[0-9]+$")


def today_utc() -> date:
    """Today's date in UTC."""
    return datetime.now(timezone.utc).date()


def build_date(epoch: str | None, today: date | None = None) -> tuple[date, bool]:
    """The build's date from `epoch` (``SOURCE_DATE_EPOCH``: whole seconds since 1970, UTC),
    else `today` (by default today in UTC); and whether a set `epoch` was unusable."""
    fallback = today or today_utc()
    try:
        moment = epoch_time(epoch)
    except ValueError:
        return fallback, True
    return (moment.date() if moment is not None else fallback), False


def epoch_time(epoch: str | None) -> datetime | None:
    """The time `epoch` (``SOURCE_DATE_EPOCH``) names, in UTC; None when it is not set.
    ValueError when it is set but not whole seconds of a representable time."""
    if epoch is None or not epoch.strip():
        return None
    if not _EPOCH.match(epoch.strip()):
        raise ValueError(f"{EPOCH_VARIABLE}={epoch!r} is not a whole number of seconds")
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    except (OverflowError, OSError, ValueError) as error:
        raise ValueError(f"{EPOCH_VARIABLE}={epoch!r} is out of range") from error
