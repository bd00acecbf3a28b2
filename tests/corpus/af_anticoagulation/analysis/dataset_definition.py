"""Oral anticoagulation in atrial fibrillation by CHA2DS2-VASc score, at 1 April each year."""

from ehrql import case, codelist_from_csv, create_dataset, get_parameter, months, when
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

index_date = get_parameter("index_date", default="2023-04-01")

af = codelist_from_csv("codelists/opensafely-atrial-fibrillation-or-flutter.csv", column="code")
doac = codelist_from_csv("codelists/opensafely-direct-acting-oral-anticoagulants-doac.csv", column="dmd_id")
warfarin = codelist_from_csv("codelists/opensafely-warfarin.csv", column="dmd_id")
risk_factor_codes = {
    name: codelist_from_csv(f"codelists/opensafely-{name}.csv", column="code")
    for name in ["heart-failure", "hypertension", "diabetes", "stroke-tia", "vascular-disease"]
}

prior_events = clinical_events.where(clinical_events.date.is_on_or_before(index_date))


def ever(codes):
    return prior_events.where(prior_events.snomedct_code.is_in(codes)).exists_for_patient()


age = patients.age_on(index_date)
risk = {name.replace("-", "_"): ever(codes) for name, codes in risk_factor_codes.items()}

# CHA2DS2-VASc: C H A2 D S2 V A Sc
score_parts = [
    risk["heart_failure"].as_int(),
    risk["hypertension"].as_int(),
    case(when(age >= 75).then(2), when(age >= 65).then(1), otherwise=0),
    risk["diabetes"].as_int(),
    risk["stroke_tia"].as_int() * 2,
    risk["vascular_disease"].as_int(),
    (patients.sex == "female").as_int(),
]
chads_vasc = score_parts[0]
for part in score_parts[1:]:
    chads_vasc = chads_vasc + part

recent_rx = medications.where(
    medications.date.is_on_or_between(index_date - months(6), index_date)
)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=800)
dataset.define_population(
    ever(af) & practice_registrations.for_patient_on(index_date).exists_for_patient() & (age >= 18)
)
dataset.age = age
dataset.sex = patients.sex
dataset.chads_vasc = chads_vasc
for name, flag in risk.items():
    setattr(dataset, f"rf_{name}", flag)
dataset.on_doac = recent_rx.where(recent_rx.dmd_code.is_in(doac)).exists_for_patient()
dataset.on_warfarin = recent_rx.where(recent_rx.dmd_code.is_in(warfarin)).exists_for_patient()
dataset.anticoagulant = case(
    when(dataset.on_doac & dataset.on_warfarin).then("both"),
    when(dataset.on_doac).then("doac"),
    when(dataset.on_warfarin).then("warfarin"),
    otherwise="none",
)
