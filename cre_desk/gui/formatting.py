"""Small display helpers shared by views: ages, dates and vocabulary labels in the UI language."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from cre_desk.core.vocabulary import label


def ui_language() -> str:
    """'ja' when the UI runs in Japanese, else 'en'."""
    app = QCoreApplication.instance()
    lang = app.property("cre_desk_language") if app is not None else None
    return lang if lang in ("en", "ja") else "en"


def vocab(value: str) -> str:
    return label(value, ui_language())


def age(since: datetime, now: datetime | None = None) -> str:
    """A compact age like '3d 4h', '2h 05m' or '12m' (in Japanese '3日 4時間', '2時間 05分', '12分')."""
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - since).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return QCoreApplication.translate("formatting", "{0}d {1}h").format(days, hours)
    if hours:
        return QCoreApplication.translate("formatting", "{0}h {1}m").format(hours, f"{minutes:02d}")
    return QCoreApplication.translate("formatting", "{0}m").format(minutes)


def business_hours_text(seconds: float | None) -> str:
    """Business time in hours, rounded once (``timers.business_hours``), e.g. '3.9'."""
    from cre_desk.core.timers import business_hours

    value = business_hours(seconds)
    return "–" if value is None else f"{value:.1f}"


def due_text(due) -> str:
    """The Due column's words for a ``timers.Due``: 'in 5.5 h', 'overdue 0.3 h', 'paused', 'met', 'missed'."""
    from cre_desk.core import timers

    if due.state == timers.MET:
        return QCoreApplication.translate("formatting", "met")
    if due.state == timers.PAUSED:
        return QCoreApplication.translate("formatting", "paused")
    if due.state == timers.NO_TARGET:
        return ""
    if due.resolved:
        return QCoreApplication.translate("formatting", "missed") if due.state == timers.BREACHED else ""
    if due.state == timers.BREACHED:
        return QCoreApplication.translate("formatting", "overdue {0} h").format(
            business_hours_text(due.overdue_business_s))
    return QCoreApplication.translate("formatting", "in {0} h").format(
        business_hours_text(due.left_business_s))


def due_tooltip(due, calendar_name: str = "") -> str:
    """How the Due figure is counted, the same words in the queue and the ticket header (plain text)."""
    from cre_desk.core import timers

    lines = []
    if due.allowed_business_s is not None:
        lines.append(QCoreApplication.translate(
            "formatting", "Resolution target: {0} of {1} business hours used.").format(
            business_hours_text(due.used_business_s), business_hours_text(due.allowed_business_s)))
        if due.state == timers.PAUSED:
            lines.append(QCoreApplication.translate(
                "formatting", "Paused with {0} business hours left.").format(
                business_hours_text(max(0.0, due.left_business_s or 0.0))))
        elif not due.resolved and due.deadline is not None:
            if due.state == timers.BREACHED:
                lines.append(QCoreApplication.translate("formatting", "Missed at {0}.").format(
                    local_time(due.deadline)))
            else:
                lines.append(QCoreApplication.translate(
                    "formatting", "Due by {0} unless the ticket is paused.").format(local_time(due.deadline)))
    else:
        lines.append(QCoreApplication.translate("formatting",
                                                "No resolution target for this category."))
    lines.append(due_explanation(calendar_name))
    return "\n".join(lines)


def due_explanation(calendar_name: str = "") -> str:
    """What every Due figure means, wherever it is shown."""
    calendar = (QCoreApplication.translate("formatting", " ({0})").format(calendar_name)
                if calendar_name else "")
    return QCoreApplication.translate(
        "formatting",
        "Counted in business hours of the team calendar{0}: nights, days off and holidays do not "
        "count, and waiting statuses pause the clock. Rounded to 0.1 h; the queue, the ticket header "
        "and the dashboard's CSV use the same figures.").format(calendar)


def local_time(when: datetime | None) -> str:
    if when is None:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def plain_tooltip(text: str) -> str:
    """Tooltips guess rich text, so customer text is escaped into markup that shows it literally."""
    import html

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label=None, *, wrap: bool = False, selectable: bool = False):
    """A QLabel that shows text literally: customer text must never be guessed to be rich text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = label if label is not None else QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hide_password(url: str) -> str:
    """A database URL as shown to the user: the password left out."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
