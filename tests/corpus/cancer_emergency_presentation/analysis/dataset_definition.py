# Emergency presentation of cancer: proportion of new cancers first recorded during an
# emergency admission, by site and deprivation. (Written for ehrql:v0, beta tables.)

from ehrql import Dataset, case, codelist_from_csv, days, show, when
from ehrql.codes import SNOMEDCTCode
from ehrql.tables.beta.core import patients
from ehrql.tables.beta.tpp import addresses, apcs, clinical_events, practice_registrations

cancer_icd10 = codelist_from_csv("codelists/user-anon-cancer-icd10.csv", column="code", category_column="site")
cancer_snomed = codelist_from_csv("codelists/user-anon-cancer-snomed.csv", column="code", category_column="site")

EMERGENCY_METHODS = ["21", "22", "23", "24", "25", "2A", "2B", "2C", "2D", "28"]
# a non-specific "neoplasm of uncertain behaviour" code that some practices use; excluded
UNCERTAIN = SNOMEDCTCode("372087000")

first_gp = (
    clinical_events.where(clinical_events.snomedct_code.is_in(cancer_snomed))
    .where(clinical_events.snomedct_code != UNCERTAIN)
    .sort_by(clinical_events.date)
    .first_for_patient()
)
first_hosp = (
    apcs.where(apcs.primary_diagnosis.is_in(cancer_icd10)).sort_by(apcs.admission_date).first_for_patient()
)
diagnosis_date = case(
    when(first_gp.date.is_null()).then(first_hosp.admission_date),
    when(first_hosp.admission_date.is_null()).then(first_gp.date),
    when(first_hosp.admission_date < first_gp.date).then(first_hosp.admission_date),
    otherwise=first_gp.date,
)

dataset = Dataset()
dataset.define_population(
    diagnosis_date.is_on_or_between("2018-01-01", "2022-12-31")
    & practice_registrations.for_patient_on(diagnosis_date).exists_for_patient()
)
dataset.diagnosis_date = diagnosis_date
dataset.site = case(
    when(first_hosp.admission_date == diagnosis_date).then(first_hosp.primary_diagnosis.to_category(cancer_icd10)),
    otherwise=first_gp.snomedct_code.to_category(cancer_snomed),
)
dataset.emergency_presentation = (
    apcs.where(apcs.admission_method.is_in(EMERGENCY_METHODS))
    .where(apcs.admission_date.is_on_or_between(diagnosis_date - days(28), diagnosis_date))
    .exists_for_patient()
)
dataset.imd_quintile = addresses.for_patient_on(diagnosis_date).imd_quintile
dataset.age = patients.age_on(diagnosis_date)

show(dataset.site)
