"""What the bakery sells."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

CATEGORIES = ("bread", "pastry", "cake")


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    category: str
    price: Decimal
    aliases: tuple[str, ...] = ()


PRODUCTS: tuple[Product, ...] = (
    Product("SD", "Sourdough", "bread", Decimal("4.20"), ("sourdough loaf",)),
    Product("RY", "Rye", "bread", Decimal("3.80"), ("rye loaf", "dark rye")),
    Product("BG", "Baguette", "bread", Decimal("1.90"), ("french stick",)),
    Product("CR", "Croissant", "pastry", Decimal("1.60"), ("croissants",)),
    Product("PC", "Pain au chocolat", "pastry", Decimal("1.80"), ("pain au choc",)),
    Product("CB", "Cinnamon bun", "pastry", Decimal("2.10"), ("cinnamon buns", "bun")),
    Product("LD", "Lemon drizzle", "cake", Decimal("12.00"), ("lemon cake",)),
)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


_INDEX: dict[str, Product] = {}
for _product in PRODUCTS:
    for _name in (_product.name, _product.code, *_product.aliases):
        _INDEX[_key(_name)] = _product


def find_product(name: str) -> Product:
    """Look a product up by its name, code or an alias (any case)."""
    try:
        return _INDEX[_key(name)]
    except KeyError:
        raise ValueError(f"unknown product {name.strip()!r}") from None


def category_rank(product: Product) -> int:
    return CATEGORIES.index(product.category)
