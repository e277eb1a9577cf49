"""Stock reports."""


def stock_report(warehouse, catalog):
    """Lines of ``SKU  name  total  bins`` for each product in stock."""
    lines = []
    for product in sorted(catalog.search(""), key=lambda p: p.sku):
        total = warehouse.total(product.sku)
        if not total:
            continue
        bins = ",".join(sorted(warehouse.bins_holding(product.sku)))
        lines.append(f"{product.sku:<8}{product.name:<20}{total:>6} {product.unit:<6}{bins}")
    return lines


def bin_utilisation(warehouse):
    """Map of bin code to how full it is, as a percentage rounded to 1 dp."""
    result = {}
    for code in warehouse.bins():
        capacity = warehouse.load(code) + warehouse.free_space(code)
        result[code] = round(100 * warehouse.load(code) / capacity, 1)
    return result
