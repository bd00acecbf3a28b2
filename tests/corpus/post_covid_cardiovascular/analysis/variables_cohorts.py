"""Covariates shared by the pre-vaccination, vaccinated and unvaccinated cohorts."""

from ehrql import days
from ehrql.tables.tpp import (
    addresses,
    clinical_events,
    ethnicity_from_sus,
    patients,
    practice_registrations,
    sgss_covid_all_tests,
)

from analysis.codelists import *
from analysis.variable_helper_functions import (
    age_band,
    ever_matching_event_clinical_snomed_before,
    first_matching_event_apc_between,
    first_matching_event_clinical_snomed_between,
    last_matching_event_clinical_ctv3_before,
)


def generate_variables(index_date, end_date_exp, end_date_out):
    """Returns a dict of name -> series; the definition copies it onto the dataset."""

    # Exposure: first COVID-19 diagnosis from any source during follow-up
    tmp_exp_date_covid19_confirmed_sgss = (
        sgss_covid_all_tests.where(sgss_covid_all_tests.is_positive)
        .where(sgss_covid_all_tests.specimen_taken_date.is_on_or_between(index_date, end_date_exp))
        .sort_by(sgss_covid_all_tests.specimen_taken_date)
        .first_for_patient()
        .specimen_taken_date
    )
    tmp_exp_date_covid19_confirmed_snomed = first_matching_event_clinical_snomed_between(
        covid_primary_care_positive_test, index_date, end_date_exp
    ).date
    tmp_exp_date_covid19_confirmed_hes = first_matching_event_apc_between(
        covid_codes, index_date, end_date_exp
    ).admission_date

    # Ethnicity: primary care first, then SUS
    tmp_ethnicity_gp = (
        clinical_events.where(clinical_events.snomedct_code.is_in(opensafely_ethnicity_codes_6))
        .where(clinical_events.date.is_on_or_before(end_date_out))
        .sort_by(clinical_events.date)
        .last_for_patient()
        .snomedct_code.to_category(opensafely_ethnicity_codes_6)
    )
    cov_cat_ethnicity = tmp_ethnicity_gp.when_null_then(ethnicity_from_sus.code)

    smoking = last_matching_event_clinical_ctv3_before(smoking_clear, index_date)
    cov_cat_smoking_status = smoking.ctv3_code.to_category(smoking_clear)

    registration = practice_registrations.for_patient_on(index_date)
    address = addresses.for_patient_on(index_date)
    age = patients.age_on(index_date)

    dynamic_variables = dict(
        tmp_exp_date_covid19_confirmed_sgss=tmp_exp_date_covid19_confirmed_sgss,
        tmp_exp_date_covid19_confirmed_snomed=tmp_exp_date_covid19_confirmed_snomed,
        tmp_exp_date_covid19_confirmed_hes=tmp_exp_date_covid19_confirmed_hes,
        cov_num_age=age,
        cov_cat_age_band=age_band(age),
        cov_cat_sex=patients.sex,
        cov_cat_ethnicity=cov_cat_ethnicity,
        cov_cat_smoking_status=cov_cat_smoking_status,
        cov_cat_region=registration.practice_nuts1_region_name,
        cov_cat_deprivation=address.imd_quintile,
        cov_bin_carehome_status=address.care_home_is_potential_match.when_null_then(False),
        cov_bin_ami=ever_matching_event_clinical_snomed_before(ami_snomed_clinical, index_date),
        cov_bin_stroke_isch=ever_matching_event_clinical_snomed_before(
            stroke_isch_snomed_clinical, index_date
        ),
        cov_bin_hf=ever_matching_event_clinical_snomed_before(hf_snomed_clinical, index_date),
        inex_bin_alive=patients.is_alive_on(index_date),
        inex_bin_6m_reg=practice_registrations.spanning(index_date - days(183), index_date).exists_for_patient(),
        cens_date_death=patients.date_of_death,
    )
    return dynamic_variables
