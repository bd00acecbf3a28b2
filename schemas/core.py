"""Tables that every OpenSAFELY backend provides.

A dataset definition that uses only these tables runs unchanged against any backend. The
backend-specific modules (tpp, emis, emisv2) re-export or extend them.
"""

import datetime

from ehrql.codes import DMDCode, ICD10Code, SNOMEDCTCode
from ehrql.tables import Constraint, EventFrame, PatientFrame, Series, table

__all__ = [
    "clinical_events",
    "medications",
    "ons_deaths",
    "patients",
    "practice_registrations",
]


@table(activation_filter="date")
class clinical_events(EventFrame):
    """Coded clinical events from the patient's primary care record: diagnoses, symptoms,
    findings, measurements and so on, one row per event.
    """

    date = Series(
        datetime.date,
        description="The date the event was recorded as taking place.",
    )

    snomedct_code = Series(
        SNOMEDCTCode,
        description="The SNOMED CT code of the event.",
    )

    numeric_value = Series(
        float,
        description=(
            "A number recorded with the event, such as a measurement or test result, or "
            "empty if there is none."
        ),
    )


@table(activation_filter="date")
class medications(EventFrame):
    """Medicines prescribed in primary care, one row per prescription issued."""

    date = Series(
        datetime.date,
        description="The date the prescription was issued.",
    )

    dmd_code = Series(
        DMDCode,
        description=(
            "The medicine prescribed, as a dm+d (Dictionary of Medicines and Devices) "
            "code."
        ),
    )


@table
class ons_deaths(PatientFrame):
    """Death registrations from the Office for National Statistics (ONS), at most one row
    per patient. When ONS holds several registrations for a patient, the one with the
    earliest date of death is used.
    """

    date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2019, 2, 1))],
        description="The date of death as registered with the ONS.",
    )

    underlying_cause_of_death = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition registered as the underlying cause of "
            "death, the one that started the chain of events leading to death."
        ),
    )

    cause_of_death_01 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 1 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_02 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 2 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_03 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 3 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_04 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 4 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_05 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 5 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_06 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 6 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_07 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 7 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_08 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 8 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_09 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 9 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_10 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 10 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_11 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 11 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_12 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 12 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_13 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 13 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_14 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 14 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    cause_of_death_15 = Series(
        ICD10Code,
        description=(
            "The ICD-10 code of the condition in position 15 of those mentioned on the "
            "death certificate, or empty if fewer were mentioned."
        ),
    )

    def cause_of_death_is_in(self, codelist):
        """True if any cause on the death registration is in the codelist.

        Checks the underlying cause and all 15 mentioned causes. Empty cause columns count
        as unknown, so when nothing matches the result may be missing rather than False.
        """
        return (
            self.underlying_cause_of_death.is_in(codelist)
            | self.cause_of_death_01.is_in(codelist)
            | self.cause_of_death_02.is_in(codelist)
            | self.cause_of_death_03.is_in(codelist)
            | self.cause_of_death_04.is_in(codelist)
            | self.cause_of_death_05.is_in(codelist)
            | self.cause_of_death_06.is_in(codelist)
            | self.cause_of_death_07.is_in(codelist)
            | self.cause_of_death_08.is_in(codelist)
            | self.cause_of_death_09.is_in(codelist)
            | self.cause_of_death_10.is_in(codelist)
            | self.cause_of_death_11.is_in(codelist)
            | self.cause_of_death_12.is_in(codelist)
            | self.cause_of_death_13.is_in(codelist)
            | self.cause_of_death_14.is_in(codelist)
            | self.cause_of_death_15.is_in(codelist)
        )


@table
class patients(PatientFrame):
    """Basic details of each patient, one row per patient."""

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
            Constraint.Categorical(["female", "male", "intersex", "unknown"]),
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

    def age_on(self, date):
        """The patient's age in whole years on the given date.

        Counts completed years since date_of_birth, so the result is negative for a date
        before the patient was born.
        """
        return (date - self.date_of_birth).years

    def is_alive_on(self, date):
        """True if the patient had not died by the given date.

        A patient with no date_of_death, or whose death came after the date, counts as
        alive, even if the date is before their birth. On the date of death itself the
        patient is neither alive nor dead (is_dead_on is False too).
        """
        return self.date_of_death.is_after(date) | self.date_of_death.is_null()

    def is_dead_on(self, date):
        """True if the patient's date_of_death is before the given date.

        A patient who died on the date itself is not yet counted as dead.
        """
        return self.date_of_death.is_not_null() & self.date_of_death.is_before(date)


@table(activation_filter=None)
class practice_registrations(EventFrame):
    """Periods of registration with a general practice, one row per registration. A patient
    may have several, and they may overlap.
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
