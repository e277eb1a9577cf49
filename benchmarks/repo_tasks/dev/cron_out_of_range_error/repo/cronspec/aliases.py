"""Names accepted in place of numbers, and macro expressions."""

MONTHS = {name: number for number, name in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
    start=1)}

WEEKDAYS = {name: number for number, name in enumerate(
    ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])}

MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}

NAMES_BY_FIELD = {"month": MONTHS, "weekday": WEEKDAYS}
