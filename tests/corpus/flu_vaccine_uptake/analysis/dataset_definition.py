"""Seasonal influenza vaccine uptake over five seasons (2018-19 to 2022-23).

A season runs from 1 September to 31 March. Vaccination is taken from the vaccinations
table (target disease INFLUENZA) or a primary care code, whichever is first.
"""

from datetime import date, datetime, timedelta

from ehrql import case, codelist_from_csv, create_dataset, minimum_of, when
from ehrql.tables.tpp import clinical_events, patients, practice_registrations, vaccinations

flu_vacc_codes = codelist_from_csv("codelists/primis-covid19-vacc-uptake-flu_vacc.csv", column="code")
flu_declined = codelist_from_csv("codelists/primis-covid19-vacc-uptake-flu_decl.csv", column="code")

FIRST_SEASON = 2018
N_SEASONS = 5
first_season_start = datetime.strptime(f"{FIRST_SEASON}-09-01", "%Y-%m-%d").date()

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(
    practice_registrations.for_patient_on(first_season_start).exists_for_patient()
    & (patients.age_on(first_season_start) >= 65)
)
dataset.sex = patients.sex

flu_vax = vaccinations.where(vaccinations.target_disease == "INFLUENZA")

for n in range(N_SEASONS):
    year = FIRST_SEASON + n
    season_start = date(year, 9, 1)
    season_end = date(year + 1, 3, 31)
    label = f"{year}_{(year + 1) % 100:02d}"

    from_table = (
        flu_vax.where(flu_vax.date.is_on_or_between(season_start, season_end))
        .sort_by(flu_vax.date)
        .first_for_patient()
        .date
    )
    from_codes = (
        clinical_events.where(clinical_events.snomedct_code.is_in(flu_vacc_codes))
        .where(clinical_events.date.is_on_or_between(season_start, season_end))
        .sort_by(clinical_events.date)
        .first_for_patient()
        .date
    )
    vax_date = minimum_of(from_table, from_codes)
    setattr(dataset, f"flu_vax_date_{label}", vax_date)
    # "early" = by the end of October, which is the target in the national programme
    setattr(dataset, f"flu_vax_early_{label}", vax_date <= season_start + timedelta(days=60))
    setattr(
        dataset,
        f"flu_declined_{label}",
        clinical_events.where(clinical_events.snomedct_code.is_in(flu_declined))
        .where(clinical_events.date.is_on_or_between(season_start, season_end))
        .exists_for_patient(),
    )
    age = patients.age_on(season_start)
    setattr(
        dataset,
        f"age_band_{label}",
        case(
            when(age < 70).then("65-69"),
            when(age < 75).then("70-74"),
            when(age < 80).then("75-79"),
            when(age < 85).then("80-84"),
            otherwise="85+",
        ),
    )
