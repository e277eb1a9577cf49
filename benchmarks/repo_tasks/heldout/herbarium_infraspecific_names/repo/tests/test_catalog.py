from datetime import date

import pytest

from herbarium.catalog import Catalog
from herbarium.importer import import_csv
from herbarium.specimen import Specimen
from herbarium.taxonomy import TaxonName

CSV = """catalog_no,name,collector,collector_no,date,locality,country,elevation
UCH-2,Quercus robur L.,A. Lind,12,2023-05-02,Riverside,Sweden,40 m
UCH-1,Quercus petraea (Matt.) Liebl.,A. Lind,13,2023-05-02,Hill top,Sweden,
UCH-3,Fagus sylvatica L.,B. Moss,7,,Old park,Denmark,15
"""


def test_import_and_order():
    catalog = import_csv(CSV)
    assert [s.catalog_no for s in catalog] == ["UCH-1", "UCH-2", "UCH-3"]
    assert catalog.get("UCH-2").elevation_m == 40
    assert catalog.get("UCH-3").collected_on is None


def test_import_requires_columns():
    with pytest.raises(ValueError):
        import_csv("catalog_no,name\nUCH-1,Fagus sylvatica\n")


def test_duplicate_catalog_number():
    catalog = import_csv(CSV)
    with pytest.raises(ValueError):
        catalog.add(Specimen("UCH-1", TaxonName("Acer", "campestre"), "X", "1", date(2020, 1, 1), "", ""))


def test_search_and_genus():
    catalog = import_csv(CSV)
    assert [s.catalog_no for s in catalog.search("Quercus robur")] == ["UCH-2"]
    assert len(catalog.by_genus("quercus")) == 2
    assert catalog.collectors() == {"A. Lind": 2, "B. Moss": 1}
