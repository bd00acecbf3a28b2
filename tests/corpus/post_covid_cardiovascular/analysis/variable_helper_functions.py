"""Reusable query helpers shared by the cohort definitions."""

from ehrql import case, when
from ehrql.tables.tpp import apcs, clinical_events, ons_deaths, patients


# Primary care -----------------------------------------------------------------------------
def first_matching_event_clinical_snomed_between(codelist, start_date, end_date, where=True):
    return (
        clinical_events.where(where)
        .where(clinical_events.snomedct_code.is_in(codelist))
        .where(clinical_events.date.is_on_or_between(start_date, end_date))
        .sort_by(clinical_events.date)
        .first_for_patient()
    )


def last_matching_event_clinical_ctv3_before(codelist, start_date, where=True):
    return (
        clinical_events.where(where)
        .where(clinical_events.ctv3_code.is_in(codelist))
        .where(clinical_events.date.is_before(start_date))
        .sort_by(clinical_events.date)
        .last_for_patient()
    )


# Secondary care ---------------------------------------------------------------------------
def first_matching_event_apc_between(codelist, start_date, end_date, only_prim_diagnoses=False):
    query = apcs.where(apcs.admission_date.is_on_or_between(start_date, end_date))
    if only_prim_diagnoses:
        query = query.where(apcs.primary_diagnosis.is_in(codelist))
    else:
        query = query.where(apcs.all_diagnoses.contains_any_of(codelist))
    return query.sort_by(apcs.admission_date).first_for_patient()


def matching_death_between(codelist, start_date, end_date):
    return ons_deaths.cause_of_death_is_in(codelist) & ons_deaths.date.is_on_or_between(
        start_date, end_date
    )


def ever_matching_event_clinical_snomed_before(codelist, start_date):
    return (
        clinical_events.where(clinical_events.snomedct_code.is_in(codelist))
        .where(clinical_events.date.is_before(start_date))
        .exists_for_patient()
    )


def age_band(age):
    return case(
        when(age < 30).then("18-29"),
        when(age < 40).then("30-39"),
        when(age < 50).then("40-49"),
        when(age < 60).then("50-59"),
        when(age < 70).then("60-69"),
        when(age < 80).then("70-79"),
        when(age < 111).then("80+"),
        otherwise="missing",
    )
