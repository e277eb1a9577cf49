"""Sample orchard shared by the tests."""
from orchard.trees import Tree

TREES = [
    Tree("R1-01", 1, 1, "Bramley", 2012),
    Tree("R1-02", 1, 2, "Cox", 2014, rootstock="M26"),
    Tree("R2-01", 2, 1, "Conference", 2016, rootstock="Quince A"),
    Tree("R2-03", 2, 3, "Egremont Russet", 2019, rootstock="M9"),
]
