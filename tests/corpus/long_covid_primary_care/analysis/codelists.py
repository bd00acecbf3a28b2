from ehrql import codelist_from_csv

long_covid_diagnostic_codes = codelist_from_csv(
    "codelists/opensafely-nice-managing-the-long-term-effects-of-covid-19.csv", column="code"
)
long_covid_referral_codes = codelist_from_csv(
    "codelists/opensafely-referral-and-signposting-for-long-covid.csv", column="code"
)
long_covid_assessment_codes = codelist_from_csv(
    "codelists/opensafely-assessment-instruments-and-outcome-measures-for-long-covid.csv",
    column="code",
)
any_long_covid_code = (
    long_covid_diagnostic_codes + long_covid_referral_codes + long_covid_assessment_codes
)
covid_primary_care_codes = codelist_from_csv(
    "codelists/opensafely-covid-identification-in-primary-care-probable-covid-positive-test.csv",
    column="code",
)
covid_icd10 = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")

# symptom codelists, keyed by the short name used for column names
symptoms = {
    "fatigue": codelist_from_csv("codelists/user-anon-fatigue.csv", column="code"),
    "breathlessness": codelist_from_csv("codelists/user-anon-breathlessness.csv", column="code"),
    "anosmia": codelist_from_csv("codelists/user-anon-anosmia.csv", column="code"),
}
