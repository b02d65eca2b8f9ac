"""maturity: measures how digitally mature public-sector websites are."""

__version__ = "0.1.0"
