"""The book catalogue."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Book:
    isbn: str
    title: str
    author: str
    replacement_cost: Decimal = Decimal("25.00")


class Catalogue:
    def __init__(self):
        self._books = {}

    def add(self, book: Book) -> None:
        self._books[book.isbn] = book

    def get(self, isbn: str) -> Book:
        try:
            return self._books[isbn]
        except KeyError:
            raise KeyError(f"no book with ISBN {isbn}") from None

    def by_author(self, author: str):
        author = author.lower()
        return sorted((b for b in self._books.values() if b.author.lower() == author),
                      key=lambda b: b.title)

    def __len__(self):
        return len(self._books)
