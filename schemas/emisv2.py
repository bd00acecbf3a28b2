"""Tables in the second-generation EMIS backend.

Registration and address details come from the patient record itself, so each of those
tables has at most one row per patient.
"""

import datetime

from ehrql.tables import Constraint, EventFrame, Series, table
from ehrql.tables.core import clinical_events, medications, patients

__all__ = [
    "addresses",
    "clinical_events",
    "medications",
    "patients",
    "practice_registrations",
]


@table
class addresses(EventFrame):
    """The patient's address, with measures of the area around it; one row per practice
    registration period, so at most one row per patient.
    """

    start_date = Series(
        datetime.date,
        description="The start date of the practice registration this address belongs to.",
    )

    end_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.DateAfter(["start_date"])],
        description=(
            "The end date of the practice registration this address belongs to, or empty "
            "while it continues."
        ),
    )

    imd_rounded = Series(
        int,
        constraints=[Constraint.ClosedRange(0, 32800, 100)],
        description=(
            "The Index of Multiple Deprivation rank of the small area (LSOA) containing "
            "the address, rounded to the nearest 100. Lower ranks are more deprived, out "
            "of 32,844 areas in England."
        ),
    )

    msoa_code = Series(
        str,
        constraints=[Constraint.Regex("E020[0-9]{5}")],
        description=(
            "The ONS code of the middle layer super output area (MSOA) containing the "
            "address."
        ),
    )

    def for_patient_on(self, date):
        """The address each patient lived at on the given date.

        Keeps the addresses covering the date (started on or before it, and not ended
        before it; a missing end_date counts as not ended, a missing start_date excludes
        the row) and picks the one with the latest start_date. EMIS derives this table
        from its patient table, so a patient has at most one address and no further
        tie-break is applied.
        """
        current = self.where(self.start_date <= date).except_where(self.end_date < date)
        return current.sort_by(self.start_date).last_for_patient()


@table
class practice_registrations(EventFrame):
    """The patient's registration with a general practice; at most one row per patient."""

    start_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        description="The date the registration with the practice began.",
    )

    end_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.Categorical([None])],
        description="The date the registration ended, or empty while it continues.",
    )

    def for_patient_on(self, date):
        """The registration each patient held on the given date.

        Of the registrations covering the date, the one with the latest start_date is
        chosen. EMIS derives this table from its patient table, so a patient has at most
        one registration and no further tie-break is applied. A patient with no
        registration on the date gets missing values.
        """
        return self.spanning(date, date).sort_by(self.start_date).last_for_patient()

    def exists_for_patient_on(self, date):
        """True if the patient held a registration covering the given date."""
        return self.spanning(date, date).exists_for_patient()

    def spanning(self, start_date, end_date):
        """The registrations covering the whole period from start_date to end_date.

        A registration qualifies if it started on or before start_date and either ended on
        or after end_date or has not ended.
        """
        return self.where(
            self.start_date.is_on_or_before(start_date)
            & (self.end_date.is_on_or_after(end_date) | self.end_date.is_null())
        )
