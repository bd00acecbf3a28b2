"""Raw tables in the EMIS backend, with the data as received and no cleaning."""

from ehrql.tables.raw.core import ons_deaths

__all__ = [
    "ons_deaths",
]
