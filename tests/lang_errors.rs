//! Rejection tests: definitions ehrQL refuses, with the exact rendered diagnostic.

mod lang_support;

use lang_support::error;

fn reject(body: &str) -> String {
    error(&format!(
        "from ehrql import *\nfrom ehrql.tables.core import *\nfrom ehrql.tables.tpp import apcs\n\
         dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n{body}\n"
    ))
}

macro_rules! reject {
    ($($name:ident: $body:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(reject($body));
            }
        )*
    };
}

reject! {
    event_series_assigned_to_column: "dataset.d = clinical_events.date";
    date_compared_with_int: "dataset.v = patients.date_of_birth > 2000";
    int_compared_with_float: "dataset.v = patients.date_of_birth.year == 1.5";
    int_plus_float: "dataset.v = patients.date_of_birth.year + 1.5";
    series_from_different_tables: "dataset.v = (clinical_events.date - medications.date).days.maximum_for_patient()";
    filter_by_other_table: "dataset.v = clinical_events.where(medications.dmd_code == \"123456\").count_for_patient()";
    frame_assigned_to_column: "dataset.v = patients";
    frame_where_series_expected: "dataset.v = patients.sex.is_in(clinical_events)";
    unknown_column: "dataset.v = patients.date_of_brith";
    unknown_method: "dataset.v = patients.sex.is_inn([\"male\"])";
    pick_from_unsorted: "dataset.v = clinical_events.first_for_patient().date";
    invalid_code_literal: "dataset.v = clinical_events.snomedct_code.is_in([\"0123\"]).count_for_patient()";
    reassigned_column: "dataset.v = patients.sex\ndataset.v = patients.sex";
    reserved_column: "dataset.patient_id = patients.sex";
    population_column: "dataset.population = patients.exists_for_patient()";
    bad_column_name: "dataset.add_column(\"_x\", patients.sex)";
    python_and_on_series: "dataset.v = (patients.sex == \"a\") and (patients.sex == \"b\")";
    python_if_on_series: "if patients.sex == \"male\":\n    dataset.v = patients.sex";
    operator_precedence: "dataset.v = patients.sex == \"a\" | patients.sex == \"b\"";
    chained_comparison: "dataset.v = 1 < patients.date_of_birth.year < 3";
    abs_of_series: "dataset.v = abs(patients.date_of_birth.year)";
    trailing_comma: "dataset.v = patients.sex,";
    date_difference_assigned: "dataset.v = patients.date_of_death - patients.date_of_birth";
    bad_date_string: "dataset.v = patients.date_of_birth.is_after(\"2020-02-30\")";
    sort_by_string: "dataset.v = clinical_events.sort_by(\"date\").first_for_patient().date";
    sort_by_patient_series: "dataset.v = clinical_events.sort_by(patients.date_of_birth).first_for_patient().date";
    case_mixed_types: "dataset.v = case(when(patients.sex == \"a\").then(1), otherwise=\"x\")";
    case_without_cases: "dataset.v = case()";
    bare_when_in_case: "dataset.v = case(when(patients.sex == \"a\"))";
    is_in_string: "dataset.v = patients.sex.is_in(\"male\")";
    multi_code_equality: "dataset.v = apcs.sort_by(apcs.admission_date).first_for_patient().all_diagnoses == \"N17\"";
    count_episodes_months: "dataset.v = clinical_events.date.count_episodes_for_patient(months(1))";
    aggregate_patient_series: "dataset.v = patients.date_of_birth.minimum_for_patient()";
    none_comparison: "dataset.v = patients.sex == None";
    second_population: "dataset.define_population(patients.exists_for_patient())";
    unknown_table_import: "from ehrql.tables.core import clinical_event";
    uncalled_method: "dataset.v = patients.exists_for_patient";
}

#[test]
fn population_true_for_patients_without_rows() {
    insta::assert_snapshot!(error(
        "from ehrql import create_dataset\nfrom ehrql.tables.core import patients\n\
         dataset = create_dataset()\ndataset.define_population(~patients.exists_for_patient())\n"
    ));
}

#[test]
fn population_must_be_a_series() {
    insta::assert_snapshot!(error(
        "from ehrql import create_dataset\ndataset = create_dataset()\ndataset.define_population(True)\n"
    ));
}

#[test]
fn missing_dataset() {
    insta::assert_snapshot!(error("x = 1\n"));
}

#[test]
fn dataset_of_wrong_type() {
    insta::assert_snapshot!(error("dataset = 1\n"));
}

#[test]
fn missing_population() {
    insta::assert_snapshot!(error(
        "from ehrql import create_dataset\ndataset = create_dataset()\n"
    ));
}

#[test]
fn invalid_code_in_codelist_names_file_and_line() {
    let files = [
        (
            "dataset_definition.py",
            "from ehrql import create_dataset, codelist_from_csv\nfrom ehrql.tables.core import patients, clinical_events\n\
             codes = codelist_from_csv(\"codelists/asthma.csv\", column=\"code\")\n\
             dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
             dataset.n = clinical_events.where(clinical_events.snomedct_code.is_in(codes)).count_for_patient()\n",
        ),
        ("codelists/asthma.csv", "code,term\n195967001,Asthma\nXa12,Bad\n"),
    ];
    let (text, code) = match lang_support::compile_files(&files, &[]) {
        Ok(_) => panic!("compiled"),
        Err(e) => e,
    };
    assert_eq!(code, 11);
    insta::assert_snapshot!(text);
}

#[test]
fn missing_codelist_file() {
    let files = [(
        "dataset_definition.py",
        "from ehrql import codelist_from_csv\ncodes = codelist_from_csv(\"codelists/missing.csv\", column=\"code\")\n",
    )];
    let (text, code) = lang_support::compile_files(&files, &[]).expect_err("fails");
    assert_eq!(code, 11);
    insta::assert_snapshot!(text);
}

reject! {
    multi_code_is_in: "dataset.v = apcs.all_diagnoses.is_in([\"N17\"]).count_distinct_for_patient()";
    multi_code_map_values: "dataset.v = apcs.all_diagnoses.map_values({\"N17\": 1}).count_distinct_for_patient()";
    multi_code_bad_prefix: "dataset.v = apcs.all_diagnoses.contains(\"n17\").count_distinct_for_patient()";
    sort_by_nothing: "dataset.v = clinical_events.sort_by().first_for_patient().date";
    bool_sort_key: "dataset.v = clinical_events.sort_by(clinical_events.date.is_null()).first_for_patient().date";
    where_on_patient_frame: "dataset.v = patients.where(patients.sex == \"male\").count_for_patient()";
    duplicated_case_condition: "dataset.v = case(when(patients.sex == \"a\").then(1), when(patients.sex == \"a\").then(2))";
    case_all_none: "dataset.v = case(when(patients.sex == \"a\").then(None))";
    is_in_patient_series: "dataset.v = patients.sex.is_in(patients.sex)";
    mixed_duration_units: "dataset.v = patients.date_of_birth + (days(1) + weeks(1))";
    when_non_bool: "dataset.v = case(when(patients.sex).then(1))";
    minimum_of_bool: "dataset.v = minimum_of(patients.exists_for_patient(), True)";
    minimum_of_one_argument: "dataset.v = minimum_of(patients.date_of_birth)";
    starting_on_series: "x = days(patients.date_of_birth.year).starting_on(\"2020-01-01\")";
    date_minus_int: "dataset.v = patients.date_of_birth - 1";
}

#[test]
fn table_from_file_missing_file_points_at_the_decorator() {
    let files = [(
        "dataset_definition.py",
        "from ehrql.tables import table_from_file, PatientFrame, Series\n\
         @table_from_file(\"output/missing.csv.gz\")\nclass t(PatientFrame):\n    x = Series(int)\n",
    )];
    let (text, code) = lang_support::compile_files(&files, &[]).expect_err("fails");
    assert_eq!(code, 11);
    insta::assert_snapshot!(text);
}

#[test]
fn table_from_file_bad_value_names_file_and_line() {
    let files = [
        (
            "dataset_definition.py",
            "from ehrql.tables import table_from_file\n\
             t = table_from_file(\"data.csv\", columns={\"x\": int})\n",
        ),
        ("data.csv", "patient_id,x\n1,2\n2,two\n"),
    ];
    let (text, code) = lang_support::compile_files(&files, &[]).expect_err("fails");
    assert_eq!(code, 11);
    insta::assert_snapshot!(text);
}

reject! {
    otherwise_inside_case: "dataset.v = case(when(patients.sex == \"a\").then(1).otherwise(0))";
}

reject! {
    unknown_table_module: "from ehrql.tables.tppp import apcs as x";
}

reject! {
    is_in_generator: "dataset.v = patients.sex.is_in(x for x in [\"a\"])";
}
