"""What table definitions use: frame classes, `Series` columns, `Constraint`s and `@table`."""

from ehrql.query_language import (
    Constraint,
    EventFrame,
    PatientFrame,
    Series,
    table,
    table_from_file,
    table_from_rows,
)

__all__ = [
    "Constraint",
    "EventFrame",
    "PatientFrame",
    "Series",
    "table",
    "table_from_rows",
    "table_from_file",
]
