# Codelists for the post-COVID cardiovascular outcomes study.
# Primary care (SNOMED CT) and secondary care (ICD-10) versions of each outcome.

from ehrql import codelist_from_csv

# Demographics -------------------------------------------------------------------------
opensafely_ethnicity_codes_6 = codelist_from_csv(
    "codelists/opensafely-ethnicity-snomed-0removed.csv",
    column="code",
    category_column="Grouping_6",
)
smoking_clear = codelist_from_csv(
    "codelists/opensafely-smoking-clear.csv",
    column="code",
    category_column="Category",
)

# COVID-19 ------------------------------------------------------------------------------
covid_codes = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")
covid_primary_care_positive_test = codelist_from_csv(
    "codelists/opensafely-covid-identification-in-primary-care-probable-covid-positive-test.csv",
    column="code",
)

# Outcomes --------------------------------------------------------------------------------
ami_snomed_clinical = codelist_from_csv("codelists/bristol-ami-snomed.csv", column="code")
ami_icd10 = codelist_from_csv("codelists/bristol-ami-icd10.csv", column="code")
stroke_isch_snomed_clinical = codelist_from_csv(
    "codelists/bristol-stroke-isch-snomed.csv", column="code"
)
stroke_isch_icd10 = codelist_from_csv("codelists/bristol-stroke-isch-icd10.csv", column="code")
dvt_snomed_clinical = codelist_from_csv("codelists/bristol-dvt-snomed.csv", column="code")
dvt_icd10 = codelist_from_csv("codelists/bristol-dvt-icd10.csv", column="code")
pe_snomed_clinical = codelist_from_csv("codelists/bristol-pe-snomed.csv", column="code")
pe_icd10 = codelist_from_csv("codelists/bristol-pe-icd10.csv", column="code")
hf_snomed_clinical = codelist_from_csv("codelists/bristol-hf-snomed.csv", column="code")
hf_icd10 = codelist_from_csv("codelists/bristol-hf-icd10.csv", column="code")
