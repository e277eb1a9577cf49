"""Library circulation: catalogue, members, loans, fines and notices."""
