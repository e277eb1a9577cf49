import pytest

from herbarium.taxonomy import TaxonName, parse_name, same_species


def test_simple_binomial_with_authority():
    name = parse_name("Fagus sylvatica L.")
    assert name == TaxonName("Fagus", "sylvatica", authority="L.")
    assert name.full_name == "Fagus sylvatica"


def test_case_is_normalised():
    name = parse_name("QUERCUS Robur")
    assert (name.genus, name.species, name.authority) == ("Quercus", "robur", "")


def test_hybrid_sign():
    name = parse_name("Mentha x piperita L.")
    assert name.species == "×piperita"
    assert name.is_hybrid
    assert name.authority == "L."


def test_rejects_genus_only():
    with pytest.raises(ValueError):
        parse_name("Quercus")


def test_same_species_ignores_authority():
    assert same_species(parse_name("Fagus sylvatica L."), parse_name("Fagus sylvatica"))
    assert not same_species(parse_name("Fagus sylvatica"), parse_name("Fagus orientalis"))


def test_subspecies_with_authority():
    name = parse_name("Quercus robur subsp. pedunculiflora (K.Koch) Menitsky")
    assert name.genus == "Quercus"
    assert name.species == "robur"
    assert name.rank == "subsp."
    assert name.infraspecific == "pedunculiflora"
    assert name.authority == "(K.Koch) Menitsky"
    assert name.full_name == "Quercus robur subsp. pedunculiflora"


def test_variety_without_authority():
    name = parse_name("Salix alba var. vitellina")
    assert (name.rank, name.infraspecific, name.authority) == ("var.", "vitellina", "")


def test_forma():
    name = parse_name("Fagus sylvatica f. purpurea (Aiton) C.K.Schneid.")
    assert name.rank == "f."
    assert name.infraspecific == "purpurea"
    assert name.authority == "(Aiton) C.K.Schneid."


def test_infraspecific_name_still_same_species():
    assert same_species(parse_name("Salix alba var. vitellina"), parse_name("Salix alba L."))
