"""Raw tables in the TPP backend, closer to the source data than ehrql.tables.tpp.

Values are less processed (some dates are kept as text) and duplicates are not removed.
Prefer the cleaned tables where they exist.
"""

import datetime

from ehrql.codes import DMDCode, ICD10Code
from ehrql.tables import Constraint, EventFrame, Series, table

__all__ = [
    "apcs_cost_historical",
    "apcs_historical",
    "isaric",
    "medications",
    "ons_deaths",
    "repeat_medications",
    "wl_clockstops",
    "wl_openpathways",
]


@table
class apcs_cost_historical(EventFrame):
    """Payments for hospital admissions from the frozen October 2023 SUS extract that also
    feeds apcs_historical, one row per spell.
    """

    apcs_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the hospital spell, shared by its rows in apcs_historical "
            "and apcs_cost_historical."
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
        description="The date the patient was admitted to hospital.",
    )

    discharge_date = Series(
        datetime.date,
        description="The date the patient was discharged from hospital.",
    )


@table
class apcs_historical(EventFrame):
    """Hospital admissions from a frozen SUS extract taken in October 2023, the last to hold
    the full history of cost data, one row per spell.
    """

    apcs_ident = Series(
        int,
        constraints=[Constraint.NotNull()],
        description=(
            "An identifier for the hospital spell, shared by its rows in apcs_historical "
            "and apcs_cost_historical."
        ),
    )

    admission_date = Series(
        datetime.date,
        description="The date the patient was admitted to hospital.",
    )

    discharge_date = Series(
        datetime.date,
        description="The date the patient was discharged from hospital.",
    )

    spell_core_hrg_sus = Series(
        str,
        description=(
            "The core Healthcare Resource Group (HRG) of the spell, the grouping SUS uses "
            "to set its payment."
        ),
    )


@table(name="isaric_raw", permission="isaric")
class isaric(EventFrame):
    """Case report forms from the ISARIC study of patients admitted to hospital with
    COVID-19, one row per form. Most values are kept as text, as entered.
    """

    age = Series(
        str,
        description="The patient's age as entered on the case report form, as text.",
    )

    age_factor = Series(
        str,
        description="The unit in which age was entered (years, months or days).",
    )

    calc_age = Series(
        str,
        description=(
            "The patient's age as calculated by the data collection system, as text."
        ),
    )

    sex = Series(
        str,
        description="The patient's sex as entered on the case report form.",
    )

    ethnic___1 = Series(
        str,
        description=(
            "Whether ethnic group option 1 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___2 = Series(
        str,
        description=(
            "Whether ethnic group option 2 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___3 = Series(
        str,
        description=(
            "Whether ethnic group option 3 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___4 = Series(
        str,
        description=(
            "Whether ethnic group option 4 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___5 = Series(
        str,
        description=(
            "Whether ethnic group option 5 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___6 = Series(
        str,
        description=(
            "Whether ethnic group option 6 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___7 = Series(
        str,
        description=(
            "Whether ethnic group option 7 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___8 = Series(
        str,
        description=(
            "Whether ethnic group option 8 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___9 = Series(
        str,
        description=(
            "Whether ethnic group option 9 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    ethnic___10 = Series(
        str,
        description=(
            "Whether ethnic group option 10 on the case report form was ticked for the "
            "patient; several options may be ticked."
        ),
    )

    covid19_vaccine = Series(
        str,
        description="Whether the patient had received any COVID-19 vaccine.",
    )

    covid19_vaccined = Series(
        datetime.date,
        description="The date of the patient's first COVID-19 vaccine dose.",
    )

    covid19_vaccine2d = Series(
        datetime.date,
        description="The date of the patient's second COVID-19 vaccine dose.",
    )

    covid19_vaccined_nk = Series(
        str,
        description=(
            "Whether the dates of the patient's COVID-19 vaccine doses are not known."
        ),
    )

    corona_ieorres = Series(
        str,
        description=(
            "The answer to the first COVID-19 inclusion question on the case report form "
            "(suspected or confirmed infection)."
        ),
    )

    coriona_ieorres2 = Series(
        str,
        description=(
            "The answer to the second COVID-19 inclusion question on the case report "
            "form. The column name's spelling is the source's."
        ),
    )

    coriona_ieorres3 = Series(
        str,
        description=(
            "The answer to the third COVID-19 inclusion question on the case report form. "
            "The column name's spelling is the source's."
        ),
    )

    inflammatory_mss = Series(
        str,
        description=(
            "Whether the patient was assessed as having a multisystem inflammatory "
            "syndrome."
        ),
    )

    cestdat = Series(
        datetime.date,
        description="The date the patient's first symptoms began.",
    )

    chrincard = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has chronic heart disease (YES, NO or Unknown).",
    )

    hypertension_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has high blood pressure (YES, NO or Unknown).",
    )

    chronicpul_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has chronic lung disease other than asthma (YES, NO or "
            "Unknown)."
        ),
    )

    asthma_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has asthma (YES, NO or Unknown).",
    )

    renal_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has chronic kidney disease (YES, NO or Unknown).",
    )

    mildliver = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has mild liver disease (YES, NO or Unknown).",
    )

    modliv = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has moderate or severe liver disease (YES, NO or "
            "Unknown)."
        ),
    )

    chronicneu_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has a chronic neurological disorder (YES, NO or "
            "Unknown)."
        ),
    )

    malignantneo_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has a malignant cancer (YES, NO or Unknown).",
    )

    chronichaemo_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has a chronic blood disorder (YES, NO or Unknown)."
        ),
    )

    aidshiv_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has HIV or AIDS (YES, NO or Unknown).",
    )

    obesity_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient is obese, as judged by the clinician (YES, NO or "
            "Unknown)."
        ),
    )

    diabetes_type_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["NO", "1", "2", "N/K"])],
        description=(
            "The type of diabetes the patient has: NO for none, 1, 2, or N/K when not "
            "known."
        ),
    )

    diabetescom_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has diabetes with complications (YES, NO or Unknown)."
        ),
    )

    diabetes_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has diabetes (YES, NO or Unknown).",
    )

    rheumatologic_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description=(
            "Whether the patient has a rheumatological disorder (YES, NO or Unknown)."
        ),
    )

    dementia_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient has dementia (YES, NO or Unknown).",
    )

    malnutrition_mhyn = Series(
        str,
        constraints=[Constraint.Categorical(["YES", "NO", "Unknown"])],
        description="Whether the patient is malnourished (YES, NO or Unknown).",
    )

    smoking_mhyn = Series(
        str,
        constraints=[
            Constraint.Categorical(["Yes", "Never Smoked", "Former Smoker", "N/K"]),
        ],
        description=(
            "The patient's smoking history: Yes (current), Never Smoked, Former Smoker, "
            "or N/K when not known."
        ),
    )

    hostdat = Series(
        datetime.date,
        description="The date the patient was admitted to this hospital.",
    )

    hooccur = Series(
        str,
        description="Whether the patient was transferred from another healthcare facility.",
    )

    hostdat_transfer = Series(
        datetime.date,
        description=(
            "For a transferred patient, the date of admission to the first facility."
        ),
    )

    hostdat_transfernk = Series(
        str,
        description="Whether the date of admission to the first facility is not known.",
    )

    readm_cov19 = Series(
        str,
        description="Whether this admission is a readmission for COVID-19.",
    )

    dsstdat = Series(
        datetime.date,
        description="The date the patient was enrolled in the study.",
    )

    dsstdtc = Series(
        datetime.date,
        description="The date of the patient's outcome, such as discharge or death.",
    )


@table(name="medications_raw", activation_filter="date")
class medications(EventFrame):
    """Every medication record in SystmOne, one row per issue, with fields the medications
    table leaves out.
    """

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

    medication_status = Series(
        int,
        constraints=[Constraint.ClosedRange(0, 28)],
        description="The state of the medication record, as a SystmOne code from 0 to 28.",
    )

    quantity = Series(
        str,
        description="The quantity supplied, as free text.",
    )

    repeat_medication_id = Series(
        int,
        description=(
            "For an issue of a repeat prescription, the identifier of the repeat "
            "prescription in repeat_medications."
        ),
    )


@table(name="ons_deaths_raw")
class ons_deaths(EventFrame):
    """Every death registration received from the ONS, one row per registration. A patient
    may have more than one; ons_deaths keeps a single one per patient.
    """

    date = Series(
        datetime.date,
        description="The date of death as registered with the ONS.",
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


@table(name="repeat_medications_raw", activation_filter="date")
class repeat_medications(EventFrame):
    """Repeat prescriptions set up in SystmOne, one row per repeat prescription. Each issue
    made from one appears in medications.
    """

    date = Series(
        datetime.date,
        description="The date the repeat prescription was recorded.",
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
            "An identifier for the consultation in which the repeat prescription was set "
            "up."
        ),
    )

    repeat_medication_id = Series(
        int,
        description=(
            "An identifier for the repeat prescription, matching repeat_medication_id in "
            "medications."
        ),
    )

    medication_status = Series(
        int,
        constraints=[Constraint.ClosedRange(0, 28)],
        description=(
            "The state of the repeat prescription, as a SystmOne code from 0 to 28."
        ),
    )

    quantity = Series(
        str,
        description="The quantity supplied at each issue, as free text.",
    )

    start_date = Series(
        datetime.date,
        description="The date the repeat prescription starts.",
    )

    end_date = Series(
        datetime.date,
        description="The date the repeat prescription ends.",
    )


@table(name="wl_clockstops_raw", permission="waiting_list")
class wl_clockstops(EventFrame):
    """Completed referral-to-treatment waits from the NHS England waiting list data, as
    received: every value is text.
    """

    activity_treatment_function_code = Series(
        str,
        description=(
            "The specialty treating the patient, as a three-character treatment function "
            "code."
        ),
    )

    priority_type_code = Series(
        str,
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
        str,
        description="The date the referral was received. Kept as text, as received.",
    )

    referral_to_treatment_period_end_date = Series(
        str,
        description=(
            "The date the wait ended (the clock stopped), for example because treatment "
            "started. Kept as text, as received."
        ),
    )

    referral_to_treatment_period_start_date = Series(
        str,
        description=(
            "The date the wait started (the clock started). Kept as text, as received."
        ),
    )

    source_of_referral_for_outpatients = Series(
        str,
        description="Who referred the patient, as an NHS Data Dictionary code.",
    )

    waiting_list_type = Series(
        str,
        description=(
            "The kind of waiting list, as a four-letter code; for example ORTT is an "
            "outpatient and IRTT an inpatient referral-to-treatment pathway."
        ),
    )

    week_ending_date = Series(
        str,
        description=(
            "The last day of the reporting week in which the record was submitted. Kept "
            "as text, as received."
        ),
    )


@table(name="wl_openpathways_raw", permission="waiting_list")
class wl_openpathways(EventFrame):
    """Open referral-to-treatment waits from the NHS England waiting list data, as received:
    every value is text.
    """

    activity_treatment_function_code = Series(
        str,
        description=(
            "The specialty treating the patient, as a three-character treatment function "
            "code."
        ),
    )

    current_pathway_period_start_date = Series(
        str,
        description=(
            "The date the current waiting period started. Kept as text, as received."
        ),
    )

    priority_type_code = Series(
        str,
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
        str,
        description="The date the referral was received. Kept as text, as received.",
    )

    referral_to_treatment_period_end_date = Series(
        str,
        description=(
            "The date the wait ended, kept as text as received; a wait still open may "
            "carry a placeholder date far in the future."
        ),
    )

    referral_to_treatment_period_start_date = Series(
        str,
        description=(
            "The date the wait started (the clock started). Kept as text, as received."
        ),
    )

    source_of_referral = Series(
        str,
        description=(
            "Who referred the patient, as a two-character NHS Data Dictionary code."
        ),
    )

    waiting_list_type = Series(
        str,
        description=(
            "The kind of waiting list, as a four-letter code; for example ORTT is an "
            "outpatient and IRTT an inpatient referral-to-treatment pathway."
        ),
    )

    week_ending_date = Series(
        str,
        description=(
            "The last day of the reporting week in which the record was submitted. Kept "
            "as text, as received."
        ),
    )
