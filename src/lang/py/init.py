"""ehrQL: the query language for OpenSAFELY dataset definitions."""

import sys

import ehrql._native as _n
from ehrql.codes import codelist_from_csv
from ehrql.exceptions import Error
from ehrql.measures import INTERVAL, Measures, create_measures
from ehrql.query_language import (
    Dataset,
    case,
    create_dataset,
    days,
    maximum_of,
    minimum_of,
    months,
    table_from_file,
    weeks,
    when,
    years,
)
from ehrql.user_parameters import get_parameter

__version__ = "dev"

__all__ = [
    "codelist_from_csv",
    "create_dataset",
    "Dataset",
    "case",
    "when",
    "minimum_of",
    "maximum_of",
    "days",
    "weeks",
    "months",
    "years",
    "get_parameter",
    "INTERVAL",
    "create_measures",
    "Measures",
    "show",
    "table_from_file",
    "claim_permissions",
    "Error",
]


def show(element, *other_elements, label=None, head=None, tail=None):
    """Shows values while debugging a definition (recorded; shown only by `ehrql debug`)."""
    _n.record_show(label, (element,) + other_elements)


def claim_permissions(*permissions):
    """Claims permissions for running against dummy data."""
    for p in permissions:
        if not isinstance(p, str):
            raise TypeError("permissions must be strings")
    _n.claim_permissions(list(permissions))
