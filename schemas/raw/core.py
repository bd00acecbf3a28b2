"""Raw tables available in every backend, with the data as received and no cleaning.

Prefer the tables in ehrql.tables.core; use these only to examine what the cleaned
tables have discarded, such as duplicate records.
"""

import datetime

from ehrql.codes import ICD10Code
from ehrql.tables import EventFrame, Series, table

__all__ = [
    "ons_deaths",
]


@table(name="ons_deaths_raw")
class ons_deaths(EventFrame):
    """Every death registration received from the ONS, one row per registration. A patient
    may have more than one; ons_deaths keeps a single one per patient.
    """

    date = Series(
        datetime.date,
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
