"""
The four constants below are the possible answers of sublist().
Change their values as you see fit, but they must all be different.
"""

SUBLIST = None
SUPERLIST = None
EQUAL = None
UNEQUAL = None


def sublist(list_one, list_two):
    pass
