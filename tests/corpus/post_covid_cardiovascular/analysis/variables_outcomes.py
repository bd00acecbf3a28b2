"""Outcome variables: first cardiovascular event after the index date, from any source."""

from ehrql import case, minimum_of, when
from ehrql.tables.tpp import ons_deaths

from analysis.codelists import *
from analysis.variable_helper_functions import (
    first_matching_event_apc_between,
    first_matching_event_clinical_snomed_between,
    matching_death_between,
)

# outcome name -> (primary care codelist, secondary care codelist)
OUTCOMES = {
    "ami": (ami_snomed_clinical, ami_icd10),
    "stroke_isch": (stroke_isch_snomed_clinical, stroke_isch_icd10),
    "dvt": (dvt_snomed_clinical, dvt_icd10),
    "pe": (pe_snomed_clinical, pe_icd10),
    "hf": (hf_snomed_clinical, hf_icd10),
}


def generate_outcome_variables(index_date, end_date):
    variables = {}
    for name, (snomed, icd10) in OUTCOMES.items():
        primary_care = first_matching_event_clinical_snomed_between(
            snomed, index_date, end_date
        ).date
        secondary_care = first_matching_event_apc_between(
            icd10, index_date, end_date
        ).admission_date
        died_of = matching_death_between(icd10, index_date, end_date)
        death = case(when(died_of).then(ons_deaths.date))
        variables[f"tmp_out_date_{name}_snomed"] = primary_care
        variables[f"tmp_out_date_{name}_hes"] = secondary_care
        variables[f"tmp_out_date_{name}_death"] = death
        # the outcome is whichever source recorded it first
        variables[f"out_date_{name}"] = minimum_of(primary_care, secondary_care, death)
    return variables
