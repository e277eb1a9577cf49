"""Counting free spaces."""


class Occupancy:
    def __init__(self, capacity: int):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.parked = 0

    @property
    def free(self) -> int:
        return self.capacity - self.parked

    @property
    def is_full(self) -> bool:
        return self.parked >= self.capacity

    def arrive(self) -> None:
        if self.is_full:
            raise RuntimeError("car park is full")
        self.parked += 1

    def depart(self) -> None:
        if self.parked == 0:
            raise RuntimeError("no cars to depart")
        self.parked -= 1

    def percent_full(self) -> float:
        return round(100 * self.parked / self.capacity, 1)
