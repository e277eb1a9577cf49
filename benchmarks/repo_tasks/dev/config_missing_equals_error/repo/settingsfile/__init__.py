"""Load typed settings from INI-style configuration files."""
