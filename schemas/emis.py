"""Tables in the EMIS backend: records from practices using the EMIS Web clinical system.

EMIS holds only each patient's current practice registration, so registration details
also appear on the patients table.
"""

import datetime

from ehrql.codes import SNOMEDCTCode
from ehrql.tables import Constraint, EventFrame, PatientFrame, Series, table
from ehrql.tables.core import clinical_events, medications, ons_deaths

__all__ = [
    "clinical_events",
    "medications",
    "ons_deaths",
    "patients",
    "practice_registrations",
    "vaccinations",
]


@table
class patients(PatientFrame):
    """Basic details of each patient, one row per patient, including their current practice
    registration and the area they live in.
    """

    date_of_birth = Series(
        datetime.date,
        constraints=[Constraint.FirstOfMonth(), Constraint.NotNull()],
        description=(
            "The patient's date of birth. It is always the first of the month: the day is "
            "removed to protect privacy."
        ),
    )

    sex = Series(
        str,
        constraints=[
            Constraint.Categorical(["female", "male", "unknown"]),
            Constraint.NotNull(),
        ],
        description="The patient's sex as recorded in their primary care record.",
    )

    date_of_death = Series(
        datetime.date,
        description=(
            "The patient's date of death as recorded in their primary care record, or "
            "empty if they have not died. For registered deaths, see ons_deaths."
        ),
    )

    registration_start_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        description="The date the patient's current practice registration began.",
    )

    registration_end_date = Series(
        datetime.date,
        description=(
            "The date the patient's current practice registration ended, or empty while "
            "it continues."
        ),
    )

    practice_pseudo_id = Series(
        str,
        constraints=[Constraint.NotNull()],
        description=(
            "A pseudonymised identifier for the patient's practice, the same for every "
            "patient registered there."
        ),
    )

    rural_urban_classification = Series(
        int,
        constraints=[Constraint.ClosedRange(1, 8)],
        description=(
            "The 2011 rural-urban classification of the patient's area, from 1 (urban "
            "major conurbation) to 8 (rural village or dispersed, in a sparse setting)."
        ),
    )

    imd_rounded = Series(
        int,
        constraints=[Constraint.ClosedRange(0, 32800, 100)],
        description=(
            "The Index of Multiple Deprivation rank of the patient's small area (LSOA), "
            "rounded to the nearest 100. Lower ranks are more deprived."
        ),
    )

    def age_on(self, date):
        """The patient's age in whole years on the given date.

        Counts completed years since date_of_birth, so the result is negative for a date
        before the patient was born.
        """
        return (date - self.date_of_birth).years

    def has_practice_registration_spanning(self, start_date, end_date):
        """True if the patient's registration covers the whole period.

        The registration must have started on or before start_date and either not have
        ended or ended strictly after end_date: unlike practice_registrations.spanning, a
        registration ending on end_date itself does not count.
        """
        return self.registration_start_date.is_on_or_before(start_date) & (
            self.registration_end_date.is_after(end_date)
            | self.registration_end_date.is_null()
        )


@table(activation_filter=None)
class practice_registrations(EventFrame):
    """Registrations with a general practice, one row per registration. EMIS holds only the
    current one.
    """

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

    practice_pseudo_id = Series(
        int,
        constraints=[Constraint.NotNull()],
        dummy_data_constraints=[Constraint.ClosedRange(0, 999)],
        description=(
            "A pseudonymised identifier for the practice: the same for every patient "
            "registered there, but not revealing which practice it is."
        ),
    )

    def for_patient_on(self, date):
        """The registration each patient held on the given date.

        Of the registrations covering the date (see spanning), the most recently started
        wins; among those, the one ending latest, where a missing end_date ranks lowest so
        that a registration with a recorded end is preferred; then the highest
        practice_pseudo_id. A patient with no registration on the date gets missing values.
        """
        return (
            self.spanning(date, date)
            .sort_by(self.start_date, self.end_date, self.practice_pseudo_id)
            .last_for_patient()
        )

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


@table
class vaccinations(EventFrame):
    """Vaccinations recorded in the patient's primary care record, one row per dose."""

    date = Series(
        datetime.date,
        description="The date the vaccine was given.",
    )

    procedure_code = Series(
        SNOMEDCTCode,
        description="The SNOMED CT code of the vaccination procedure.",
    )
