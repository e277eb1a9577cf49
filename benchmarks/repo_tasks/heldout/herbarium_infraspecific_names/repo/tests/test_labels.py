from datetime import date

from herbarium.labels import format_date, format_name, label
from herbarium.specimen import Specimen
from herbarium.taxonomy import TaxonName


def test_format_name_with_rank():
    name = TaxonName("Salix", "alba", "var.", "vitellina", "(L.) Stokes")
    assert format_name(name) == "Salix alba var. vitellina (L.) Stokes"
    assert format_name(name, with_authority=False) == "Salix alba var. vitellina"


def test_format_date():
    assert format_date(date(1998, 6, 3)) == "3 June 1998"
    assert format_date(None) == "s.d."


def test_label_lines():
    specimen = Specimen(
        "UCH-000101", TaxonName("Fagus", "sylvatica", authority="L."), "M. Ortega", "415",
        date(2021, 9, 14), "Beech wood above the mill", "Spain", elevation_m=1210, det_by="J. Park",
    )
    assert label(specimen).splitlines() == [
        "HERBARIUM UCH-000101",
        "Fagus sylvatica L.",
        "Spain: Beech wood above the mill",
        "alt. 1210 m",
        "leg. M. Ortega 415, 14 September 2021",
        "det. J. Park",
    ]
