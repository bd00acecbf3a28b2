"""Case mix of emergency admissions by ICD-10 chapter, age band and discharge outcome, 2019-2023.

The chapter and age-band mappings are written out in full; the chapter is taken from the
first character of the primary diagnosis via `all_diagnoses.contains` on the single
letter, which matches the code prefix."""

from ehrql import case, create_dataset, when
from ehrql.tables.tpp import apcs, patients, practice_registrations

start, end = "2019-01-01", "2023-12-31"

emergency = apcs.where(apcs.admission_date.is_on_or_between(start, end)).where(
    apcs.admission_method.is_in(["21", "22", "23", "24", "25", "28", "2A", "2B", "2C", "2D"])
)
latest = emergency.sort_by(emergency.admission_date).last_for_patient()
dx = latest.all_diagnoses

dataset = create_dataset()
dataset.configure_dummy_data(population_size=800)
dataset.define_population(latest.exists_for_patient())
dataset.admission_date = latest.admission_date
dataset.icd10_chapter = case(
    when(dx.contains("A") | dx.contains("B")).then("01 Infectious and parasitic"),
    when(dx.contains("C")).then("02 Neoplasms"),
    when(dx.contains("D")).then("03 Blood and immune"),
    when(dx.contains("E")).then("04 Endocrine and metabolic"),
    when(dx.contains("F")).then("05 Mental and behavioural"),
    when(dx.contains("G")).then("06 Nervous system"),
    when(dx.contains("H")).then("07-08 Eye, ear and mastoid"),
    when(dx.contains("I")).then("09 Circulatory"),
    when(dx.contains("J")).then("10 Respiratory"),
    when(dx.contains("K")).then("11 Digestive"),
    when(dx.contains("L")).then("12 Skin"),
    when(dx.contains("M")).then("13 Musculoskeletal"),
    when(dx.contains("N")).then("14 Genitourinary"),
    when(dx.contains("O")).then("15 Pregnancy and childbirth"),
    when(dx.contains("P")).then("16 Perinatal"),
    when(dx.contains("Q")).then("17 Congenital"),
    when(dx.contains("R")).then("18 Symptoms and signs"),
    when(dx.contains("S") | dx.contains("T")).then("19 Injury and poisoning"),
    when(dx.contains("V") | dx.contains("Y")).then("20 External causes"),
    when(dx.contains("Z")).then("21 Health status and services"),
    when(dx.contains("U")).then("22 Special purposes"),
    otherwise="Unknown",
)

age = patients.age_on(latest.admission_date)
# 5-year age bands, 0-4 up to 95-99, then 100+
dataset.age_band_5y = case(
    when(age < 5).then("0-4"),
    when(age < 10).then("5-9"),
    when(age < 15).then("10-14"),
    when(age < 20).then("15-19"),
    when(age < 25).then("20-24"),
    when(age < 30).then("25-29"),
    when(age < 35).then("30-34"),
    when(age < 40).then("35-39"),
    when(age < 45).then("40-44"),
    when(age < 50).then("45-49"),
    when(age < 55).then("50-54"),
    when(age < 60).then("55-59"),
    when(age < 65).then("60-64"),
    when(age < 70).then("65-69"),
    when(age < 75).then("70-74"),
    when(age < 80).then("75-79"),
    when(age < 85).then("80-84"),
    when(age < 90).then("85-89"),
    when(age < 95).then("90-94"),
    when(age < 100).then("95-99"),
    when(age >= 100).then("100+"),
)

# discharge method (HES data dictionary)
dataset.discharge = case(
    when(latest.discharge_method == "1").then("clinical advice"),
    when(latest.discharge_method == "2").then("self-discharge"),
    when(latest.discharge_method == "3").then("by court"),
    when(latest.discharge_method == "4").then("died"),
    when(latest.discharge_method == "5").then("stillbirth"),
    when(latest.discharge_method == "8").then("not applicable"),
    when(latest.discharge_method == "9").then("not known"),
    otherwise=None,
)
dataset.length_of_stay = (latest.discharge_date - latest.admission_date).days
dataset.critical_care = latest.days_in_critical_care > 0
dataset.hrg = latest.spell_core_hrg_sus
dataset.patient_classification = latest.patient_classification
dataset.region = practice_registrations.for_patient_on(latest.admission_date).practice_nuts1_region_name
