"""The "from … to …" day range both dashboards share: preset lengths and the UTC bounds of the chosen days.

Days are the team's days (its calendar's time zone), so a period ends at the team's midnight, not UTC's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def day_of(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())


def show_last_days(start: QDateEdit, end: QDateEdit, days: int) -> None:
    """Set the two date boxes to the last ``days`` days, today included, without one refresh per box."""
    today = QDate.currentDate()
    for edit in (start, end):
        edit.blockSignals(True)
    start.setDate(today.addDays(-(days - 1)))
    end.setDate(today)
    for edit in (start, end):
        edit.blockSignals(False)


def utc_bounds(start: QDateEdit, end: QDateEdit, tz: tzinfo) -> tuple[datetime, datetime]:
    """The start of the first chosen day and of the day after the last, in ``tz``, as UTC."""
    first = datetime.combine(day_of(start), time.min, tzinfo=tz)
    after = datetime.combine(day_of(end) + timedelta(days=1), time.min, tzinfo=tz)
    return first.astimezone(UTC), after.astimezone(UTC)
