//! Acceptance tests: each ehrQL operation builds the expected query model (display
//! snapshots), over core's `patients` and `clinical_events` and tpp's `apcs`.

mod lang_support;

use lang_support::column;

macro_rules! accept {
    ($($name:ident: $expr:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let out = column("from ehrql.tables.tpp import apcs, addresses\nimport datetime", $expr);
                insta::assert_snapshot!(out);
            }
        )*
    };
}

accept! {
    int_add: "patients.date_of_birth.year + 1";
    reflected_subtract: "1 - patients.date_of_birth.year";
    int_multiply_floordiv: "patients.date_of_birth.year * 2 // 3";
    int_true_divide: "patients.date_of_birth.year / 2";
    int_power: "patients.date_of_birth.year ** 2";
    negate_absolute: "(-patients.date_of_birth.year).absolute()";
    float_cast_of_int_literal: "clinical_events.numeric_value.maximum_for_patient() + 1";
    as_float_as_int: "patients.date_of_birth.year.as_float().as_int()";
    bool_as_int: "patients.exists_for_patient().as_int()";
    bool_and_or_not: "(patients.sex == \"male\") & ~(patients.sex == \"female\") | patients.date_of_death.is_null()";
    reflected_bool_literal: "True & patients.exists_for_patient()";
    equality_reflected: "\"male\" == patients.sex";
    not_equal: "patients.sex != \"male\"";
    str_contains: "patients.sex.contains(\"ale\")";
    str_ordering: "patients.sex < \"m\"";
    is_null_is_not_null: "patients.date_of_death.is_null() | patients.date_of_death.is_not_null()";
    when_null_then: "patients.date_of_death.when_null_then(\"2030-01-01\")";
    is_in_list: "patients.sex.is_in([\"male\", \"female\"])";
    is_in_tuple_set_dict: "patients.sex.is_in((\"a\",)) & patients.sex.is_in({\"b\"}) & patients.sex.is_in({\"c\": 1})";
    is_not_in_empty: "patients.sex.is_not_in([])";
    is_in_event_series: "patients.sex.is_in(clinical_events.snomedct_code.map_values({\"123456\": \"x\"}))";
    code_is_in_codes: "clinical_events.where(clinical_events.snomedct_code.is_in([\"123456\", \"234567\"])).exists_for_patient()";
    code_to_category: "clinical_events.sort_by(clinical_events.date).first_for_patient().snomedct_code.to_category({\"123456\": \"a\"}, default=\"z\")";
    map_values_default: "patients.sex.map_values({\"male\": 1, \"female\": 2}, default=0)";
    date_parts: "patients.date_of_birth.year + patients.date_of_birth.month + patients.date_of_birth.day";
    date_first_of: "patients.date_of_birth.to_first_of_month().to_first_of_year()";
    date_comparisons: "patients.date_of_birth.is_before(\"2020-01-01\") & patients.date_of_birth.is_on_or_after(datetime.date(2000, 1, 1))";
    date_between: "patients.date_of_birth.is_between_but_not_on(\"2000-01-01\", \"2010-01-01\") | patients.date_of_birth.is_on_or_between(\"2000-01-01\", \"2010-01-01\")";
    date_is_during: "patients.date_of_birth.is_during((\"2000-01-01\", \"2010-01-01\"))";
    date_difference_days: "(\"2020-01-01\" - patients.date_of_birth).days";
    date_difference_weeks: "(patients.date_of_death - patients.date_of_birth).weeks";
    date_difference_months_years: "(patients.date_of_death - patients.date_of_birth).months + (patients.date_of_death - patients.date_of_birth).years";
    date_add_days_weeks: "patients.date_of_birth + days(3) + weeks(2)";
    date_subtract_months_years: "patients.date_of_birth - months(3) - years(1)";
    duration_series_value: "patients.date_of_birth + days(patients.date_of_birth.year)";
    duration_before_date: "years(18) + patients.date_of_birth";
    literal_date_arithmetic: "patients.date_of_birth.is_after(datetime.date(2020, 1, 31) + months(1))";
    duration_sum: "patients.date_of_birth + (days(1) + days(2) - days(4))";
    case_when: "case(when(patients.sex == \"male\").then(1), when(patients.sex == \"female\").then(2), otherwise=0)";
    case_without_otherwise: "case(when(patients.sex == \"male\").then(\"m\"))";
    when_otherwise: "when(patients.sex == \"male\").then(1).otherwise(0)";
    case_literal_condition: "case(when(True).then(1), otherwise=None)";
    minimum_of_dates: "minimum_of(patients.date_of_birth, \"2020-01-01\", patients.date_of_death)";
    maximum_of_float_cast: "maximum_of(clinical_events.numeric_value.maximum_for_patient(), 1)";
    sum_of_series: "sum([patients.date_of_birth.year, patients.date_of_birth.month, patients.date_of_birth.day])";
    exists_and_count: "clinical_events.exists_for_patient().as_int() + clinical_events.count_for_patient()";
    patient_frame_count: "patients.count_for_patient()";
    count_distinct: "clinical_events.snomedct_code.count_distinct_for_patient()";
    sum_mean: "clinical_events.numeric_value.sum_for_patient() + clinical_events.numeric_value.mean_for_patient()";
    min_max_dates: "clinical_events.date.minimum_for_patient().is_before(clinical_events.date.maximum_for_patient())";
    count_episodes_days: "clinical_events.date.count_episodes_for_patient(days(30))";
    count_episodes_weeks: "clinical_events.date.count_episodes_for_patient(weeks(2))";
    where_filter: "clinical_events.where(clinical_events.date > \"2020-01-01\").count_for_patient()";
    where_patient_condition: "clinical_events.where(clinical_events.date > patients.date_of_birth).count_for_patient()";
    where_chained: "clinical_events.where(clinical_events.numeric_value > 1).where(clinical_events.date > \"2020-01-01\").count_for_patient()";
    except_where: "clinical_events.except_where(clinical_events.numeric_value > 1).count_for_patient()";
    sort_first: "clinical_events.sort_by(clinical_events.date).first_for_patient().numeric_value";
    sort_last_two_keys: "clinical_events.sort_by(clinical_events.date, clinical_events.snomedct_code).last_for_patient().date";
    sort_then_where_then_pick: "clinical_events.sort_by(clinical_events.date).where(clinical_events.numeric_value > 0).first_for_patient().date";
    picked_frame_exists: "clinical_events.sort_by(clinical_events.date).first_for_patient().exists_for_patient()";
    multi_code_contains: "apcs.all_diagnoses.contains(\"N17\").count_distinct_for_patient()";
    multi_code_contains_any_of: "apcs.sort_by(apcs.admission_date).last_for_patient().all_diagnoses.contains_any_of([\"N17\", \"N18\"])";
    table_helper_survives_filter: "addresses.where(addresses.has_postcode).for_patient_on(\"2020-01-01\").msoa_code";
    property_on_picked_frame: "addresses.for_patient_on(\"2020-01-01\").imd_quintile";
    schema_helper_age_on: "patients.age_on(\"2023-01-01\")";
    schema_helper_registration: "practice_registrations.for_patient_on(\"2020-01-01\").practice_pseudo_id";
    schema_helper_cause_of_death: "ons_deaths.cause_of_death_is_in([\"A01\"])";
}

accept! {
    date_literal_reflected_equality: "datetime.date(2020, 1, 1) == patients.date_of_birth";
    date_literal_minus_series: "(datetime.date(2020, 1, 1) - patients.date_of_birth).days";
    duration_plus_iso_string: "patients.date_of_birth.is_before(days(3) + \"2020-01-01\")";
    maximum_of_literals_only: "maximum_of(\"2024-01-01\", \"2023-01-01\")";
    where_literal_true: "clinical_events.where(True).count_for_patient()";
    duration_series_equality: "days(patients.date_of_birth.year) == days(3)";
}
