"""Helpers for building transition guards.

A guard is a callable taking the machine's context dict and returning a
truthy value when the transition may happen.
"""


def key_equals(key, value):
    """Guard passing when ``context[key] == value``."""
    def guard(context):
        return context.get(key) == value
    guard.__name__ = f"{key}=={value!r}"
    return guard


def at_least(key, minimum):
    """Guard passing when ``context[key] >= minimum``."""
    def guard(context):
        return context.get(key, 0) >= minimum
    guard.__name__ = f"{key}>={minimum!r}"
    return guard


def all_of(*guards):
    def guard(context):
        return all(g(context) for g in guards)
    guard.__name__ = " and ".join(g.__name__ for g in guards)
    return guard


def any_of(*guards):
    def guard(context):
        return any(g(context) for g in guards)
    guard.__name__ = " or ".join(g.__name__ for g in guards)
    return guard


def negate(inner):
    def guard(context):
        return not inner(context)
    guard.__name__ = f"not {inner.__name__}"
    return guard
