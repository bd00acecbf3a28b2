"""A minimal table for checking that a backend can run a query from start to finish.

It is not intended for research.
"""

import datetime

from ehrql.tables import Constraint, PatientFrame, Series, table

__all__ = [
    "patients",
]


@table
class patients(PatientFrame):
    """A single-column patients table used to test a backend end to end."""

    date_of_birth = Series(
        datetime.date,
        constraints=[Constraint.FirstOfMonth(), Constraint.NotNull()],
        description="The patient's date of birth, always on the first of the month.",
    )
