"""Smoking status as recorded in primary care (CTV3), using the OpenSAFELY algorithm:
latest 'clear' code, with ever-smoked codes upgrading 'never' to 'ex'.
"""

from ehrql import case, codelist_from_csv, create_dataset, when
from ehrql.codes import CTV3Code
from ehrql.tables.core import patients
from ehrql.tables.tpp import clinical_events, practice_registrations

index_date = "2022-03-31"

clear_smoking_codes = codelist_from_csv(
    "codelists/opensafely-smoking-clear.csv", column="code", category_column="Category"
)
unclear_smoking_codes = codelist_from_csv(
    "codelists/opensafely-smoking-unclear.csv", column="code", category_column="Category"
)
# "Never smoked tobacco" is sometimes coded alongside a pack-year count; treat it specially
NEVER_SMOKED = CTV3Code("XE0oh")

prior = clinical_events.where(clinical_events.date.is_on_or_before(index_date))
most_recent = (
    prior.where(prior.ctv3_code.is_in(clear_smoking_codes)).sort_by(prior.date).last_for_patient()
)
most_recent_status = most_recent.ctv3_code.to_category(clear_smoking_codes)
ever_smoked = (
    prior.where(prior.ctv3_code.is_in(clear_smoking_codes))
    .where(prior.ctv3_code.to_category(clear_smoking_codes).is_in(["S", "E"]))
    .exists_for_patient()
)

dataset = create_dataset()
dataset.define_population(practice_registrations.for_patient_on(index_date).exists_for_patient())
dataset.smoking_status = case(
    when(most_recent_status == "S").then("S"),
    when(most_recent_status == "E").then("E"),
    when((most_recent_status == "N") & ever_smoked).then("E"),
    when(most_recent_status == "N").then("N"),
    when(most_recent_status == "M").then("M"),
    otherwise="M",
)
dataset.smoking_status_date = most_recent.date
dataset.explicit_never = most_recent.ctv3_code == NEVER_SMOKED
dataset.unclear_code_count = prior.where(prior.ctv3_code.is_in(unclear_smoking_codes)).count_for_patient()
dataset.sex = patients.sex
