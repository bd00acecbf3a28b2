"""Tables in the TPP backend: records from practices using the SystmOne clinical system.

Besides the primary care record, TPP links hospital activity (admissions, emergency care,
outpatients), death registrations, test results and several specialist datasets. Some
tables need a permission before a study may use them.
"""

import datetime

from ehrql import case, when
from ehrql.codes import (
    CTV3Code,
    DMDCode,
    ICD10Code,
    ICD10MultiCodeString,
    OPCS4Code,
    OPCS4MultiCodeString,
    SNOMEDCTCode,
)
from ehrql.tables import Constraint, EventFrame, PatientFrame, Series, table
from ehrql.tables.core import patients

__all__ = [
    "addresses",
    "apcs",
    "apcs_cost",
    "appointments",
    "clinical_events",
    "clinical_events_ranges",
    "covid_therapeutics",
    "decision_support_values",
    "ec",
    "ec_cost",
    "emergency_care_attendances",
    "ethnicity_from_sus",
    "household_memberships_2020",
    "medications",
    "occupation_on_covid_vaccine_record",
    "ons_deaths",
    "opa",
    "opa_cost",
    "opa_diag",
    "opa_proc",
    "open_prompt",
    "parents",
    "patients",
    "practice_registrations",
    "sgss_covid_all_tests",
    "ukrr",
    "vaccinations",
    "wl_clockstops",
    "wl_openpathways",
]


@table
class addresses(EventFrame):
    """Addresses at which the patient was recorded as living, with measures of the area
    around each. A patient may have several addresses, and their periods may overlap.
    """

    address_id = Series(
        int,
        description=(
            "An identifier for the address record, used to break ties between otherwise "
            "equal addresses."
        ),
    )

    start_date = Series(
        datetime.date,
        description="The date the patient's residence at this address began.",
    )

    end_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.DateAfter(["start_date"])],
        description=(
            "The date the patient's residence at this address ended, or empty if they "
            "still live there."
        ),
    )

    address_type = Series(
        int,
        constraints=[Constraint.Categorical([0, 1, 3])],
        description="The kind of address: 0 permanent, 1 temporary, 3 correspondence only.",
    )

    rural_urban_classification = Series(
        int,
        constraints=[Constraint.ClosedRange(1, 8)],
        description=(
            "The 2011 rural-urban classification of the address's area, from 1 (urban "
            "major conurbation) to 8 (rural village or dispersed, in a sparse setting)."
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

    has_postcode = Series(
        bool,
        description=(
            "Whether the address has a postcode. Area measures are only available for "
            "addresses that do."
        ),
    )

    care_home_is_potential_match = Series(
        bool,
        description=(
            "Whether the address appears to be a care home, judged by matching it against "
            "a register of care homes."
        ),
    )

    care_home_requires_nursing = Series(
        bool,
        description="Whether the matched care home provides nursing care.",
    )

    care_home_does_not_require_nursing = Series(
        bool,
        description=(
            "Whether the matched care home provides residential care without nursing."
        ),
    )

    def for_patient_on(self, date):
        """The address each patient lived at on the given date.

        Candidates are the addresses that started on or before the date and did not end
        before it (a missing end_date counts as not ended; a missing start_date excludes
        the row). An address with has_postcode True is preferred over the rest (False or
        missing); then the most recent start_date; then the latest end_date, where a
        missing end_date ranks lowest; then the highest address_id.
        """
        current = self.where(self.start_date <= date).except_where(self.end_date < date)
        return current.sort_by(
            case(when(self.has_postcode).then(1), otherwise=0),
            self.start_date,
            self.end_date,
            self.address_id,
        ).last_for_patient()

    @property
    def imd_quintile(self):
        """The IMD quintile of the address's area, as a label derived from imd_rounded.

        The labels are "1 (most deprived)", "2", "3", "4" and "5 (least deprived)". Group k
        takes ranks up to and including k fifths of 32,844 (the number of LSOAs in England
        in 2011), rounded down: 6568, 13137, 19706, 26275 and 32844. Group 1 also needs a
        rank of at least 0, so a negative rank lands in "2". A missing rank, or one above
        32844, gives "unknown".
        """
        imd = self.imd_rounded
        return case(
            when((imd >= 0) & (imd <= 6568)).then("1 (most deprived)"),
            when(imd <= 13137).then("2"),
            when(imd <= 19706).then("3"),
            when(imd <= 26275).then("4"),
            when(imd <= 32844).then("5 (least deprived)"),
            otherwise="unknown",
        )

    @property
    def imd_decile(self):
        """The IMD decile of the address's area, as a label derived from imd_rounded.

        The labels are "1 (most deprived)", "2", ..., "9" and "10 (least deprived)". Group k
        takes ranks up to and including k tenths of 32,844, rounded down: 3284, 6568, 9853,
        13137, 16422, 19706, 22990, 26275, 29559 and 32844. Group 1 also needs a rank of at
        least 0, so a negative rank lands in "2". A missing rank, or one above 32844, gives
        "unknown".
        """
        imd = self.imd_rounded
        return case(
            when((imd >= 0) & (imd <= 3284)).then("1 (most deprived)"),
            when(imd <= 6568).then("2"),
            when(imd <= 9853).then("3"),
            when(imd <= 13137).then("4"),
            when(imd <= 16422).then("5"),
            when(imd <= 19706).then("6"),
            when(imd <= 22990).then("7"),
            when(imd <= 26275).then("8"),
            when(imd <= 29559).then("9"),
            when(imd <= 32844).then("10 (least deprived)"),
            otherwise="unknown",
        )


@table
class apcs(EventFrame):
    """Hospital admissions from the Admitted Patient Care Spells (APCS) data in the
    Secondary Uses Service (SUS), one row per spell in hospital.
    """

    apcs_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the hospital spell, shared by its rows in apcs and "
            "apcs_cost."
        ),
    )

    admission_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2016, 4, 1))],
        description="The date the patient was admitted to hospital.",
    )

    discharge_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2016, 4, 1)),
            Constraint.DateAfter(["admission_date"]),
        ],
        description="The date the patient was discharged from hospital.",
    )

    discharge_destination = Series(
        str,
        description=(
            "Where the patient went when discharged, as an NHS Data Dictionary code."
        ),
    )

    discharge_method = Series(
        str,
        description=(
            "How the patient left hospital (for example on clinical advice, by "
            "self-discharge, or by dying), as an NHS Data Dictionary code."
        ),
    )

    spell_core_hrg_sus = Series(
        str,
        description=(
            "The core Healthcare Resource Group (HRG) of the spell, the grouping SUS uses "
            "to set its payment."
        ),
    )

    admission_method = Series(
        str,
        description=(
            "How the patient was admitted (for example from a waiting list or as an "
            "emergency), as an NHS Data Dictionary code."
        ),
    )

    primary_diagnosis = Series(
        ICD10Code,
        description="The ICD-10 code of the main condition treated during the spell.",
    )

    secondary_diagnosis = Series(
        ICD10Code,
        description="The ICD-10 code of the first other condition recorded for the spell.",
    )

    all_diagnoses = Series(
        ICD10MultiCodeString,
        description=(
            "Every ICD-10 diagnosis recorded for the spell, in one string; test it with "
            "contains() or contains_any_of()."
        ),
    )

    all_procedures = Series(
        OPCS4MultiCodeString,
        description=(
            "Every OPCS-4 procedure recorded for the spell, in one string; test it with "
            "contains() or contains_any_of()."
        ),
    )

    days_in_critical_care = Series(
        int,
        description=(
            "The number of days the patient spent in critical care during the spell."
        ),
    )

    patient_classification = Series(
        str,
        description=(
            "Whether the spell was an ordinary admission, a day case, or a regular day or "
            "night attendance, as an NHS Data Dictionary code."
        ),
    )


@table
class apcs_cost(EventFrame):
    """Payments for hospital admissions from SUS, one row per spell. Join to apcs through
    apcs_ident.
    """

    apcs_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the hospital spell, shared by its rows in apcs and "
            "apcs_cost."
        ),
    )

    grand_total_payment_mff = Series(
        float,
        description=(
            "The total payment for the activity in pounds, after adjusting for the local "
            "market forces factor."
        ),
    )

    tariff_initial_amount = Series(
        float,
        description=(
            "The national tariff amount for the spell in pounds, before any adjustments."
        ),
    )

    tariff_total_payment = Series(
        float,
        description=(
            "The total tariff payment in pounds, after adjustments but before the market "
            "forces factor."
        ),
    )

    admission_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2016, 4, 1))],
        description="The date the patient was admitted to hospital.",
    )

    discharge_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2016, 4, 1)),
            Constraint.DateAfter(["admission_date"]),
        ],
        description="The date the patient was discharged from hospital.",
    )


@table(permission="appointments", activation_filter="booked_date")
class appointments(EventFrame):
    """Appointments in the patient's primary care record, one row per appointment, whether
    attended, missed or cancelled.
    """

    booked_date = Series(
        datetime.date,
        description="The date the appointment was booked.",
    )

    start_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.DateAfter(["booked_date"])],
        description="The date the appointment was due to start.",
    )

    seen_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.DateAfter(["booked_date", "start_date"])],
        description="The date the patient was seen, or empty if they were not.",
    )

    status = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "Booked",
                    "Arrived",
                    "Did Not Attend",
                    "In Progress",
                    "Finished",
                    "Requested",
                    "Blocked",
                    "Visit",
                    "Waiting",
                    "Cancelled by Patient",
                    "Cancelled by Unit",
                    "Cancelled by Other Service",
                    "No Access Visit",
                    "Cancelled Due To Death",
                    "Patient Walked Out",
                ]
            ),
        ],
        description=(
            "What happened to the appointment, such as Finished, Did Not Attend or "
            "Cancelled by Patient."
        ),
    )


@table(activation_filter="date")
class clinical_events(EventFrame):
    """Coded clinical events from the patient's SystmOne record, one row per event. Each
    event carries a SNOMED CT or a CTV3 code, depending on how it was recorded.
    """

    date = Series(
        datetime.date,
        description="The date the event was recorded as taking place.",
    )

    snomedct_code = Series(
        SNOMEDCTCode,
        description="The SNOMED CT code of the event.",
    )

    ctv3_code = Series(
        CTV3Code,
        description="The CTV3 (Read version 3) code of the event.",
    )

    numeric_value = Series(
        float,
        description=(
            "A number recorded with the event, such as a measurement or test result, or "
            "empty if there is none."
        ),
    )

    consultation_id = Series(
        int,
        description=(
            "An identifier for the consultation in which the event was recorded; events "
            "from the same consultation share it."
        ),
    )


@table(activation_filter="date")
class clinical_events_ranges(EventFrame):
    """Clinical events that carry a numeric result, together with the reference range and
    comparator reported with it, one row per event.
    """

    date = Series(
        datetime.date,
        description="The date the event was recorded as taking place.",
    )

    snomedct_code = Series(
        SNOMEDCTCode,
        description="The SNOMED CT code of the event.",
    )

    ctv3_code = Series(
        CTV3Code,
        description="The CTV3 (Read version 3) code of the event.",
    )

    numeric_value = Series(
        float,
        description=(
            "A number recorded with the event, such as a measurement or test result, or "
            "empty if there is none."
        ),
    )

    lower_bound = Series(
        float,
        description="The lower limit of the reference range reported with the result.",
    )

    upper_bound = Series(
        float,
        description="The upper limit of the reference range reported with the result.",
    )

    comparator = Series(
        str,
        constraints=[Constraint.Categorical(["~", "=", ">=", ">", "<", "<="])],
        description=(
            "How to read numeric_value: = exact, ~ approximate, or an inequality such as "
            "< when the true value was outside the measurable range."
        ),
    )

    consultation_id = Series(
        int,
        description=(
            "An identifier for the consultation in which the event was recorded; events "
            "from the same consultation share it."
        ),
    )


@table(permission="covid_therapeutics")
class covid_therapeutics(EventFrame):
    """COVID-19 treatments (antivirals and neutralising antibodies) from the NHS England
    therapeutics dataset, one row per treatment record.
    """

    covid_indication = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "non_hospitalised",
                    "hospitalised_with",
                    "hospital_onset",
                ]
            ),
        ],
        description=(
            "The setting of the treatment: a patient not in hospital, one in hospital "
            "because of COVID-19, or one who caught COVID-19 in hospital."
        ),
    )

    current_status = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "Approved",
                    "Treatment Complete",
                    "Treatment Not Started",
                    "Treatment Stopped",
                ]
            ),
        ],
        description=(
            "The progress of the treatment, such as Approved or Treatment Complete."
        ),
    )

    intervention = Series(
        str,
        description="The name of the treatment given.",
    )

    received = Series(
        datetime.date,
        description="The date the treatment record was received.",
    )

    region = Series(
        str,
        description="The NHS region where the patient was treated.",
    )

    risk_cohort = Series(
        str,
        description=(
            "The high-risk groups that made the patient eligible, as comma-separated "
            "text."
        ),
    )

    treatment_start_date = Series(
        datetime.date,
        description="The date the treatment began.",
    )


@table
class decision_support_values(EventFrame):
    """Scores calculated by decision support algorithms in SystmOne, such as the electronic
    frailty index, one row per calculation.
    """

    calculation_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.NotNull(),
            Constraint.Categorical([datetime.date(2020, 12, 8)]),
        ],
        description="The date the score was calculated.",
    )

    numeric_value = Series(
        float,
        description="The calculated score.",
    )

    algorithm_description = Series(
        str,
        description="The name of the algorithm that calculated the score.",
    )

    algorithm_version = Series(
        str,
        description="The version of the algorithm.",
    )

    def electronic_frailty_index(self):
        """The rows holding version 1.0 of the UK electronic frailty index (eFI).

        Keeps rows whose algorithm_description is exactly "UK Electronic Frailty Index
        (eFI)" and whose algorithm_version is exactly "1.0"; rows missing either are
        dropped. Each row is one calculation: numeric_value is the score and
        calculation_date is when it was calculated. It filters twice, description first,
        both conditions on the unfiltered table's columns, so that the query graph is the
        reference ehrQL's.
        """
        is_efi = self.algorithm_description == "UK Electronic Frailty Index (eFI)"
        return self.where(is_efi).where(self.algorithm_version == "1.0")


@table
class ec(EventFrame):
    """Emergency department attendances from the Emergency Care Data Set (ECDS), one row per
    attendance.
    """

    ec_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the attendance, shared by its rows in ec and ec_cost."
        ),
    )

    arrival_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2017, 10, 1)),
        ],
        description="The date the patient arrived at the emergency department.",
    )

    sus_hrg_code = Series(
        str,
        constraints=[Constraint.Regex("[a-zA-Z]{2}[0-9]{2}[a-zA-Z]")],
        description=(
            "The Healthcare Resource Group (HRG) that SUS assigned to the attendance."
        ),
    )


@table
class ec_cost(EventFrame):
    """Payments for emergency department attendances, one row per attendance. Join to ec
    through ec_ident.
    """

    ec_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the attendance, shared by its rows in ec and ec_cost."
        ),
    )

    grand_total_payment_mff = Series(
        float,
        description=(
            "The total payment for the activity in pounds, after adjusting for the local "
            "market forces factor."
        ),
    )

    tariff_total_payment = Series(
        float,
        description=(
            "The total tariff payment in pounds, after adjustments but before the market "
            "forces factor."
        ),
    )

    arrival_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2017, 10, 1)),
            Constraint.DateAfter(["ec_injury_date"]),
        ],
        description="The date the patient arrived at the emergency department.",
    )

    ec_decision_to_admit_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2017, 10, 1)),
            Constraint.DateAfter(["ec_injury_date", "arrival_date"]),
        ],
        description=(
            "The date the decision was made to admit the patient to hospital, if it was."
        ),
    )

    ec_injury_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2017, 10, 1)),
        ],
        description="The date of the injury that led to the attendance, if there was one.",
    )


@table
class emergency_care_attendances(EventFrame):
    """Emergency department attendances from the ECDS with their SNOMED CT diagnoses, one
    row per attendance.
    """

    id = Series(
        int,
        constraints=[Constraint.NotNull()],
        description="An identifier for the attendance.",
    )

    arrival_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2017, 10, 1)),
        ],
        description="The date the patient arrived at the emergency department.",
    )

    discharge_destination = Series(
        SNOMEDCTCode,
        description="Where the patient went after the attendance, as a SNOMED CT code.",
    )

    diagnosis_01 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 1 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_02 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 2 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_03 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 3 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_04 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 4 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_05 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 5 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_06 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 6 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_07 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 7 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_08 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 8 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_09 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 9 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_10 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 10 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_11 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 11 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_12 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 12 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_13 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 13 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_14 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 14 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_15 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 15 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_16 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 16 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_17 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 17 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_18 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 18 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_19 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 19 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_20 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 20 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_21 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 21 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_22 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 22 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_23 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 23 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )

    diagnosis_24 = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code of the diagnosis in position 24 of those recorded for the "
            "attendance, or empty if fewer were recorded."
        ),
    )


@table
class ethnicity_from_sus(PatientFrame):
    """Each patient's ethnicity as recorded in hospital records (admissions, emergency care
    and outpatients), one row per patient.
    """

    code = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "A",
                    "B",
                    "C",
                    "D",
                    "E",
                    "F",
                    "G",
                    "H",
                    "J",
                    "K",
                    "L",
                    "M",
                    "N",
                    "P",
                    "R",
                    "S",
                ]
            ),
        ],
        description=(
            "The ethnic category recorded most often across the patient's hospital "
            "records, as the one-letter code from the 2001 census categories; ties go to "
            "the later letter."
        ),
    )


@table
class household_memberships_2020(PatientFrame):
    """The household each patient belonged to in 2020, worked out from shared addresses, one
    row per patient.
    """

    household_pseudo_id = Series(
        int,
        description=(
            "A pseudonymised identifier for the household; members of one household share "
            "it."
        ),
    )

    household_size = Series(
        int,
        description="The number of people in the household.",
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

    consultation_id = Series(
        int,
        description=(
            "An identifier for the consultation in which the prescription was issued."
        ),
    )


@table(permission="occupation_on_covid_vaccine_record")
class occupation_on_covid_vaccine_record(EventFrame):
    """Patients recorded as health or social care workers when they received a COVID-19
    vaccine.
    """

    is_healthcare_worker = Series(
        bool,
        description=(
            "Whether the patient was recorded as a health or social care worker; always "
            "true, as the table holds only such patients."
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

    place = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "Care Home",
                    "Elsewhere",
                    "Home",
                    "Hospice",
                    "Hospital",
                    "Other communal establishment",
                ]
            ),
        ],
        description=(
            "The kind of place where the death happened, such as Home, Hospital or Care "
            "Home."
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
class opa(EventFrame):
    """Hospital outpatient appointments from the SUS outpatient data, one row per
    appointment.
    """

    opa_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the outpatient appointment, shared by its rows in opa, "
            "opa_cost, opa_diag and opa_proc."
        ),
    )

    appointment_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1)),
            Constraint.DateAfter(["referral_request_received_date"]),
        ],
        description="The date of the outpatient appointment.",
    )

    attendance_status = Series(
        str,
        constraints=[Constraint.Categorical(["5", "6", "7", "2", "3", "4", "0"])],
        description=(
            "Whether the patient attended, as an NHS Data Dictionary code: 5 or 6 seen, 7 "
            "arrived late and not seen, 2 or 4 cancelled by the patient or the hospital, "
            "3 did not attend, 0 not applicable."
        ),
    )

    consultation_medium_used = Series(
        str,
        constraints=[
            Constraint.Categorical(["01", "02", "03", "04", "05", "09", "10", "11", "98"]),
        ],
        description=(
            "How the appointment took place (in person, by telephone, by video and so "
            "on), as an NHS Data Dictionary code."
        ),
    )

    first_attendance = Series(
        str,
        constraints=[Constraint.Categorical(["1", "2", "3", "4", "5", "9"])],
        description=(
            "Whether this was a first appointment or a follow-up, and whether in person "
            "or remote, as an NHS Data Dictionary code."
        ),
    )

    hrg_code = Series(
        str,
        constraints=[Constraint.Regex("[a-zA-Z]{2}[0-9]{2}[a-zA-Z]")],
        description="The Healthcare Resource Group (HRG) assigned to the appointment.",
    )

    outcome_of_attendance = Series(
        str,
        constraints=[Constraint.Categorical(["1", "2", "3", "4", "5"])],
        description=(
            "What was arranged after the appointment (for example discharge or a further "
            "appointment), as an NHS Data Dictionary code."
        ),
    )

    referral_request_received_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1))],
        description="The date the referral that led to the appointment was received.",
    )

    treatment_function_code = Series(
        str,
        description="The specialty the appointment was with, as a treatment function code.",
    )


@table
class opa_cost(EventFrame):
    """Payments for hospital outpatient appointments, one row per appointment. Join to opa
    through opa_ident.
    """

    opa_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the outpatient appointment, shared by its rows in opa, "
            "opa_cost, opa_diag and opa_proc."
        ),
    )

    tariff_opp = Series(
        float,
        description=(
            "The tariff in pounds for any outpatient procedure carried out at the "
            "appointment."
        ),
    )

    grand_total_payment_mff = Series(
        float,
        description=(
            "The total payment for the activity in pounds, after adjusting for the local "
            "market forces factor."
        ),
    )

    tariff_total_payment = Series(
        float,
        description=(
            "The total tariff payment in pounds, after adjustments but before the market "
            "forces factor."
        ),
    )

    appointment_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1)),
            Constraint.DateAfter(["referral_request_received_date"]),
        ],
        description="The date of the outpatient appointment.",
    )

    referral_request_received_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1))],
        description="The date the referral that led to the appointment was received.",
    )


@table
class opa_diag(EventFrame):
    """Diagnoses recorded at hospital outpatient appointments, one row per appointment. Join
    to opa through opa_ident.
    """

    opa_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the outpatient appointment, shared by its rows in opa, "
            "opa_cost, opa_diag and opa_proc."
        ),
    )

    primary_diagnosis_code = Series(
        ICD10Code,
        description="The ICD-10 code of the main diagnosis.",
    )

    primary_diagnosis_code_read = Series(
        CTV3Code,
        description="The main diagnosis as a CTV3 (Read) code.",
    )

    secondary_diagnosis_code_1 = Series(
        ICD10Code,
        description="The ICD-10 code of the first secondary diagnosis.",
    )

    secondary_diagnosis_code_1_read = Series(
        CTV3Code,
        description="The first secondary diagnosis as a CTV3 (Read) code.",
    )

    appointment_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1)),
            Constraint.DateAfter(["referral_request_received_date"]),
        ],
        description="The date of the outpatient appointment.",
    )

    referral_request_received_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1))],
        description="The date the referral that led to the appointment was received.",
    )


@table
class opa_proc(EventFrame):
    """Procedures carried out at hospital outpatient appointments, one row per appointment.
    Join to opa through opa_ident.
    """

    opa_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the outpatient appointment, shared by its rows in opa, "
            "opa_cost, opa_diag and opa_proc."
        ),
    )

    primary_procedure_code = Series(
        OPCS4Code,
        description="The OPCS-4 code of the main procedure.",
    )

    primary_procedure_code_read = Series(
        CTV3Code,
        description="The main procedure as a CTV3 (Read) code.",
    )

    procedure_code_2 = Series(
        OPCS4Code,
        description="The OPCS-4 code of the second procedure.",
    )

    procedure_code_2_read = Series(
        CTV3Code,
        description="The second procedure as a CTV3 (Read) code.",
    )

    appointment_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1)),
            Constraint.DateAfter(["referral_request_received_date"]),
        ],
        description="The date of the outpatient appointment.",
    )

    referral_request_received_date = Series(
        datetime.date,
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2019, 4, 1))],
        description="The date the referral that led to the appointment was received.",
    )


@table(permission="open_prompt")
class open_prompt(EventFrame):
    """Answers to the OpenPROMPT questionnaire on the long-term effects of COVID-19, which
    patients completed in a smartphone app, one row per answer.
    """

    ctv3_code = Series(
        CTV3Code,
        constraints=[Constraint.NotNull()],
        description="The CTV3 code identifying the question and answer.",
    )

    snomedct_code = Series(
        SNOMEDCTCode,
        description=(
            "The SNOMED CT code identifying the question and answer, where there is one."
        ),
    )

    creation_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        description="The date the answer was saved.",
    )

    consultation_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        description="The date of the questionnaire session the answer belongs to.",
    )

    consultation_id = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the questionnaire session; answers given in one session "
            "share it."
        ),
    )

    numeric_value = Series(
        float,
        description="The answer, for questions answered with a number.",
    )


@table
class parents(PatientFrame):
    """Each patient's mother, where exactly one mother can be identified from the
    relationships recorded in the primary care record, one row per patient.
    """

    mother_id = Series(
        int,
        description="The patient identifier of the patient's mother.",
    )


@table(activation_filter=None)
class practice_registrations(EventFrame):
    """Periods of registration with a general practice using SystmOne, one row per
    registration. A patient may have several, and they may overlap.
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

    practice_stp = Series(
        str,
        constraints=[Constraint.Regex("E540000[0-9]{2}")],
        description=(
            "The ONS code of the Sustainability and Transformation Partnership (STP) the "
            "practice belongs to."
        ),
    )

    practice_nuts1_region_name = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "North East",
                    "North West",
                    "Yorkshire and The Humber",
                    "East Midlands",
                    "West Midlands",
                    "East",
                    "London",
                    "South East",
                    "South West",
                ]
            ),
        ],
        description="The region of England (NUTS1) the practice is in.",
    )

    practice_systmone_go_live_date = Series(
        datetime.date,
        description=(
            "The date the practice started using SystmOne; its records before then may be "
            "incomplete."
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

    def spanning_with_systmone(self, start_date, end_date):
        """Registrations covering the whole period at practices already using SystmOne.

        As spanning(), but keeps only practices whose SystmOne go-live date is on or before
        start_date, so that the practice's records cover the entire period.
        """
        return self.spanning(start_date, end_date).where(
            self.practice_systmone_go_live_date <= start_date
        )


@table(permission="sgss_covid_all_tests")
class sgss_covid_all_tests(EventFrame):
    """SARS-CoV-2 test results, positive and negative, from the Second Generation
    Surveillance System (SGSS), one row per test.
    """

    specimen_taken_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        dummy_data_constraints=[Constraint.GeneralRange(minimum=datetime.date(2020, 1, 1))],
        description="The date the sample was taken.",
    )

    is_positive = Series(
        bool,
        constraints=[Constraint.NotNull()],
        description="Whether the test found SARS-CoV-2.",
    )

    lab_report_date = Series(
        datetime.date,
        constraints=[Constraint.NotNull()],
        dummy_data_constraints=[
            Constraint.GeneralRange(minimum=datetime.date(2020, 1, 1)),
            Constraint.DateAfter(["specimen_taken_date"]),
        ],
        description="The date the laboratory reported the result.",
    )

    was_symptomatic = Series(
        bool,
        description="Whether the patient reported symptoms when tested, if recorded.",
    )

    sgtf_status = Series(
        int,
        constraints=[Constraint.ClosedRange(0, 9)],
        description=(
            "The S-gene target failure result of the PCR test, as a code from 0 to 9. "
            "S-gene target failure served as a marker for some variants."
        ),
    )

    variant = Series(
        str,
        description="The variant identified, for samples that were sequenced or genotyped.",
    )

    variant_detection_method = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "Private Lab Sequencing",
                    "Reflex Assay",
                    "Sanger Provisional Result",
                ]
            ),
        ],
        description="How the variant was identified.",
    )


@table(permission="ukrr")
class ukrr(EventFrame):
    """Patients in the UK Renal Registry, which records kidney failure treatment, one row
    per patient in each registry dataset.
    """

    dataset = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "2019_prevalence",
                    "2020_prevalence",
                    "2021_prevalence",
                    "2020_incidence",
                    "2020_ckd",
                ]
            ),
        ],
        description=(
            "The registry dataset the row comes from: the patients on renal replacement "
            "therapy in 2019, 2020 or 2021, those starting it in 2020, or the 2020 "
            "chronic kidney disease cohort."
        ),
    )

    renal_centre = Series(
        str,
        description="The renal centre responsible for the patient.",
    )

    rrt_start_date = Series(
        datetime.date,
        description="The date the patient started renal replacement therapy.",
    )

    latest_creatinine = Series(
        float,
        description="The patient's most recent serum creatinine result.",
    )

    latest_egfr = Series(
        float,
        description=(
            "The patient's most recent estimated glomerular filtration rate (eGFR)."
        ),
    )

    treatment_modality_start = Series(
        str,
        description=(
            "The kind of renal replacement therapy the patient started with, such as "
            "haemodialysis or a transplant."
        ),
    )

    treatment_modality_prevalence = Series(
        str,
        description=(
            "The kind of renal replacement therapy the patient was having when the "
            "prevalence dataset was taken."
        ),
    )


@table(activation_filter="date")
class vaccinations(EventFrame):
    """Vaccinations recorded in the patient's primary care record, one row per dose."""

    vaccination_id = Series(
        int,
        description="An identifier for the vaccination record.",
    )

    date = Series(
        datetime.date,
        description="The date the vaccine was given.",
    )

    target_disease = Series(
        str,
        description="The disease the vaccine protects against.",
    )

    product_name = Series(
        str,
        description="The name of the vaccine product given.",
    )


@table(permission="waiting_list")
class wl_clockstops(EventFrame):
    """Completed referral-to-treatment waits from the NHS England waiting list data, one row
    per wait that ended.
    """

    activity_treatment_function_code = Series(
        str,
        constraints=[Constraint.Regex("[a-zA-Z0-9]{3}")],
        description=(
            "The specialty treating the patient, as a three-character treatment function "
            "code."
        ),
    )

    priority_type_code = Series(
        str,
        constraints=[Constraint.Categorical(["routine", "urgent", "two week wait"])],
        description=(
            "The clinical priority of the referral: routine, urgent, or two week wait "
            "(suspected cancer)."
        ),
    )

    pseudo_organisation_code_patient_pathway_identifier_issuer = Series(
        str,
        description=(
            "A pseudonymised code for the organisation that issued the pathway "
            "identifier; together with pseudo_patient_pathway_identifier it identifies a "
            "pathway."
        ),
    )

    pseudo_patient_pathway_identifier = Series(
        str,
        description=(
            "A pseudonymised identifier for the patient's pathway, unique within the "
            "issuing organisation."
        ),
    )

    pseudo_referral_identifier = Series(
        str,
        description="A pseudonymised identifier for the referral that started the pathway.",
    )

    referral_request_received_date = Series(
        datetime.date,
        description="The date the referral was received.",
    )

    referral_to_treatment_period_end_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.DateAfter(["referral_to_treatment_period_start_date"]),
        ],
        description=(
            "The date the wait ended (the clock stopped), for example because treatment "
            "started."
        ),
    )

    referral_to_treatment_period_start_date = Series(
        datetime.date,
        description="The date the wait started (the clock started).",
    )

    source_of_referral_for_outpatients = Series(
        str,
        description="Who referred the patient, as an NHS Data Dictionary code.",
    )

    waiting_list_type = Series(
        str,
        constraints=[
            Constraint.Categorical(["ORTT", "IRTT", "PTLO", "PTLI", "RTTO", "RTTI"]),
        ],
        description=(
            "The kind of waiting list, as a four-letter code; for example ORTT is an "
            "outpatient and IRTT an inpatient referral-to-treatment pathway."
        ),
    )

    week_ending_date = Series(
        datetime.date,
        description="The last day of the reporting week in which the record was submitted.",
    )


@table(permission="waiting_list")
class wl_openpathways(EventFrame):
    """Referral-to-treatment waits still open, from the NHS England waiting list data, one
    row per pathway reported.
    """

    activity_treatment_function_code = Series(
        str,
        constraints=[Constraint.Regex("[a-zA-Z0-9]{3}")],
        description=(
            "The specialty treating the patient, as a three-character treatment function "
            "code."
        ),
    )

    current_pathway_period_start_date = Series(
        datetime.date,
        description="The date the current waiting period started.",
    )

    priority_type_code = Series(
        str,
        constraints=[Constraint.Categorical(["routine", "urgent", "two week wait"])],
        description=(
            "The clinical priority of the referral: routine, urgent, or two week wait "
            "(suspected cancer)."
        ),
    )

    pseudo_organisation_code_patient_pathway_identifier_issuer = Series(
        str,
        description=(
            "A pseudonymised code for the organisation that issued the pathway "
            "identifier; together with pseudo_patient_pathway_identifier it identifies a "
            "pathway."
        ),
    )

    pseudo_patient_pathway_identifier = Series(
        str,
        description=(
            "A pseudonymised identifier for the patient's pathway, unique within the "
            "issuing organisation."
        ),
    )

    pseudo_referral_identifier = Series(
        str,
        description="A pseudonymised identifier for the referral that started the pathway.",
    )

    referral_request_received_date = Series(
        datetime.date,
        description="The date the referral was received.",
    )

    referral_to_treatment_period_end_date = Series(
        datetime.date,
        dummy_data_constraints=[
            Constraint.DateAfter(["referral_to_treatment_period_start_date"]),
        ],
        description="The date the wait ended, or empty while the patient is still waiting.",
    )

    referral_to_treatment_period_start_date = Series(
        datetime.date,
        description="The date the wait started (the clock started).",
    )

    source_of_referral = Series(
        str,
        constraints=[Constraint.Regex("[a-zA-Z0-9]{2}")],
        description=(
            "Who referred the patient, as a two-character NHS Data Dictionary code."
        ),
    )

    waiting_list_type = Series(
        str,
        constraints=[
            Constraint.Categorical(
                [
                    "ORTT",
                    "IRTT",
                    "ONON",
                    "INON",
                    "PTLO",
                    "PTLI",
                    "RTTO",
                    "RTTI",
                ]
            ),
        ],
        description=(
            "The kind of waiting list, as a four-letter code; for example ORTT is an "
            "outpatient and IRTT an inpatient referral-to-treatment pathway."
        ),
    )

    week_ending_date = Series(
        datetime.date,
        description="The last day of the reporting week in which the record was submitted.",
    )
