"""Storage bins and the stock they hold."""

from collections import Counter


class StockError(Exception):
    """Base class for stock problems."""


class InsufficientStock(StockError):
    """Raised when taking more units out of a bin than it holds."""


class CapacityError(StockError):
    """Raised when a bin has no room for the units being put in."""


class Warehouse:
    """A set of bins, each with a capacity in units, holding SKUs."""

    def __init__(self):
        self._capacity = {}
        self._stock = {}

    def add_bin(self, code: str, capacity: int) -> None:
        if code in self._capacity:
            raise ValueError(f"bin {code} already exists")
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._capacity[code] = capacity
        self._stock[code] = Counter()

    def _bin(self, code):
        try:
            return self._stock[code]
        except KeyError:
            raise KeyError(f"no such bin: {code}") from None

    def bins(self):
        return sorted(self._capacity)

    def quantity(self, code: str, sku: str) -> int:
        return self._bin(code)[sku]

    def load(self, code: str) -> int:
        """Total units currently in bin *code*."""
        return sum(self._bin(code).values())

    def free_space(self, code: str) -> int:
        return self._capacity[code] - self.load(code)

    def add(self, code: str, sku: str, qty: int) -> None:
        """Put *qty* units of *sku* into bin *code*."""
        if qty <= 0:
            raise ValueError("quantity must be positive")
        if qty > self.free_space(code):
            raise CapacityError(
                f"bin {code} has room for {self.free_space(code)} units, not {qty}"
            )
        self._bin(code)[sku] += qty

    def remove(self, code: str, sku: str, qty: int) -> None:
        """Take *qty* units of *sku* out of bin *code*."""
        if qty <= 0:
            raise ValueError("quantity must be positive")
        stock = self._bin(code)
        if stock[sku] < qty:
            raise InsufficientStock(f"bin {code} holds {stock[sku]} of {sku}, not {qty}")
        stock[sku] -= qty
        if not stock[sku]:
            del stock[sku]

    def total(self, sku: str) -> int:
        """Units of *sku* across all bins."""
        return sum(stock[sku] for stock in self._stock.values())

    def bins_holding(self, sku: str):
        """Codes of the bins holding *sku*, fullest first."""
        holding = [(code, stock[sku]) for code, stock in self._stock.items() if stock[sku]]
        return [code for code, _ in sorted(holding, key=lambda item: (-item[1], item[0]))]
