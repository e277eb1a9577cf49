"""A home wine cellar: racks, bottles and drinking windows."""
