"""Products the warehouse stocks."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    unit: str = "each"


class Catalog:
    """Lookup of products by SKU."""

    def __init__(self, products=()):
        self._products = {}
        for product in products:
            self.register(product)

    def register(self, product: Product) -> None:
        if product.sku in self._products:
            raise ValueError(f"duplicate SKU: {product.sku}")
        self._products[product.sku] = product

    def get(self, sku: str) -> Product:
        try:
            return self._products[sku]
        except KeyError:
            raise KeyError(f"unknown SKU: {sku}") from None

    def __contains__(self, sku):
        return sku in self._products

    def __len__(self):
        return len(self._products)

    def search(self, text: str):
        """Products whose name contains *text* (case-insensitive), by SKU."""
        text = text.lower()
        return sorted((p for p in self._products.values() if text in p.name.lower()),
                      key=lambda p: p.sku)
