"""Commentary languages."""
from __future__ import annotations

LANGUAGES = {
    "en": "English",
    "nl": "Dutch",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ja": "Japanese",
}

# Names visitors (or staff) type, in the language itself as well as in English.
_NAMES = {
    "english": "en", "dutch": "nl", "nederlands": "nl", "german": "de",
    "deutsch": "de", "french": "fr", "français": "fr", "francais": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "japanese": "ja",
}


def normalise_language(text: str) -> str:
    """'EN', 'english' or 'Deutsch' -> the two-letter code."""
    key = text.strip().lower()
    if key in LANGUAGES:
        return key
    try:
        return _NAMES[key]
    except KeyError:
        raise ValueError(f"no commentary language {text.strip()!r}") from None


def language_name(code: str) -> str:
    """'de' -> 'German'."""
    return LANGUAGES[normalise_language(code)]
