"""Moving stock from one bin to another."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Transfer:
    sku: str
    qty: int
    source: str
    dest: str
    reference: str = ""


class TransferLog:
    """Record of the transfers carried out."""

    def __init__(self):
        self.entries = []

    def record(self, entry: Transfer) -> None:
        self.entries.append(entry)

    def for_sku(self, sku: str):
        return [t for t in self.entries if t.sku == sku]

    def __len__(self):
        return len(self.entries)


def transfer(warehouse, sku, qty, source, dest, log=None, reference=""):
    """Move *qty* units of *sku* from bin *source* to bin *dest*.

    Raises the warehouse's stock errors when the source does not hold enough
    units or the destination lacks room.  The transfer is recorded in *log*
    when one is given.
    """
    if source == dest:
        raise ValueError("source and destination are the same bin")
    warehouse.remove(source, sku, qty)
    warehouse.add(dest, sku, qty)
    entry = Transfer(sku, qty, source, dest, reference)
    if log is not None:
        log.record(entry)
    return entry


def consolidate(warehouse, sku, dest, log=None):
    """Move every unit of *sku* from other bins into *dest*.

    Returns the transfers made, in the order they happened.
    """
    moves = []
    for code in warehouse.bins_holding(sku):
        if code == dest:
            continue
        qty = warehouse.quantity(code, sku)
        moves.append(transfer(warehouse, sku, qty, code, dest, log=log,
                              reference="consolidate"))
    return moves
