"""Monthly summaries."""

from decimal import Decimal

from .periods import month_range


def monthly_summary(transactions, year: int, month: int) -> dict:
    """Totals per category for the month (expenses negative), plus ``"net"``."""
    first, last = month_range(year, month)
    totals = {}
    for t in transactions:
        if first <= t.day <= last:
            totals[t.category] = totals.get(t.category, Decimal("0")) + t.amount
    result = dict(sorted(totals.items()))
    result["net"] = sum(totals.values(), Decimal("0"))
    return result


def format_summary(summary: dict, title: str) -> str:
    lines = [title, "-" * len(title)]
    for category, total in summary.items():
        if category == "net":
            continue
        lines.append(f"{category:<16}{total:>10.2f}")
    lines.append(f"{'net':<16}{summary['net']:>10.2f}")
    return "\n".join(lines)
