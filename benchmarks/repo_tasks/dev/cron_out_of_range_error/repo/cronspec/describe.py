"""Plain-English descriptions of expressions for the dashboard."""

DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]


def _list(values, names=None):
    ordered = sorted(values)
    label = (lambda v: names[v]) if names else str
    # collapse runs of consecutive values into ranges
    runs, start, prev = [], ordered[0], ordered[0]
    for v in ordered[1:] + [None]:
        if v is not None and v == prev + 1:
            prev = v
            continue
        runs.append(label(start) if start == prev else f"{label(start)}-{label(prev)}")
        if v is not None:
            start = prev = v
    return ",".join(runs)


def describe(expr) -> str:
    """E.g. ``"At 09:30 on Mon-Fri"`` or ``"Every 15 minutes"``."""
    if len(expr.minute) == 60 and len(expr.hour) == 24:
        text = "Every minute"
    elif len(expr.hour) == 24 and len(expr.minute) > 1:
        text = f"At minutes {_list(expr.minute)} past every hour"
    elif len(expr.hour) == 24:
        text = f"At minute {min(expr.minute)} past every hour"
    elif len(expr.minute) == 1 and len(expr.hour) == 1:
        text = f"At {min(expr.hour):02d}:{min(expr.minute):02d}"
    else:
        text = f"At minutes {_list(expr.minute)} past hours {_list(expr.hour)}"
    if not expr.weekday_is_wildcard:
        text += f" on {_list(expr.weekday, DAY_NAMES)}"
    if not expr.day_is_wildcard:
        text += f" on day {_list(expr.day)} of the month"
    if len(expr.month) != 12:
        text += f" in month {_list(expr.month)}"
    return text
