//! Datasets, tables, codes, parameters and measures: the parts of the language around series.

mod lang_support;

use lang_support::*;

const HEAD: &str = "from ehrql import *\nfrom ehrql.tables.core import *\nimport datetime\n\
                    dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n";

fn ok(body: &str) -> String {
    qm(&format!("{HEAD}{body}\n"))
}

fn err(body: &str) -> String {
    error(&format!("{HEAD}{body}\n"))
}

#[test]
fn event_table_with_patient_columns_and_later_column() {
    insta::assert_snapshot!(ok(
        "t = dataset.add_event_table(\"events\", date=clinical_events.date, code=clinical_events.snomedct_code, sex=patients.sex)\n\
         t.value = clinical_events.numeric_value"
    ));
}

#[test]
fn event_table_rules() {
    let e = err("dataset.add_event_table(\"events\", a=clinical_events.date, b=medications.date)");
    assert!(
        e.contains("cannot combine series drawn from different tables"),
        "{e}"
    );
    let e = err("dataset.add_event_table(\"events\", sex=patients.sex)");
    assert!(
        e.contains("event tables must have columns with more than one value per patient"),
        "{e}"
    );
    let e = err("dataset.add_event_table(\"events\")");
    assert!(e.contains("at least one column"), "{e}");
    let e = err("dataset.v = patients.sex\ndataset.add_event_table(\"v\", d=clinical_events.date)");
    assert!(e.contains("'v' is already set"), "{e}");
    let c = compile(&format!(
        "{HEAD}dataset.add_event_table(\"e\", d=clinical_events.date)\n"
    ))
    .unwrap();
    assert!(c.uses_event_tables);
    assert_eq!(
        c.required_permissions(),
        vec!["event_level_data".to_string()]
    );
}

#[test]
fn columns_read_back_and_add_column() {
    insta::assert_snapshot!(ok(
        "dataset.add_column(\"age\", patients.age_on(\"2020-01-01\"))\n\
         setattr(dataset, \"older\", dataset.age > 50)\n\
         dataset.same_population = getattr(dataset, \"population\")"
    ));
}

#[test]
fn naming_rules() {
    for (body, needle) in [
        (
            "dataset.add_column(\"1x\", patients.sex)",
            "variable names must start with a letter",
        ),
        (
            "dataset.add_column(\"y-z\", patients.sex)",
            "variable names must start with a letter",
        ),
        (
            "dataset.add_column(\"\u{e9}\", patients.sex)",
            "variable names must start with a letter",
        ),
        ("dataset.dummy_data_config = patients.sex", "reserved name"),
        (
            "dataset.population = patients.exists_for_patient()",
            "use define_population() instead",
        ),
        (
            "x = dataset.nothing",
            "Variable 'nothing' has not been defined",
        ),
        ("dataset.v = 1", "Expecting an ehrQL series, got type 'int'"),
    ] {
        let e = err(body);
        assert!(e.contains(needle), "{body}: {e}");
    }
}

#[test]
fn population_read_before_definition() {
    let e = error(
        "from ehrql import create_dataset\ndataset = create_dataset()\nx = dataset.population\n",
    );
    assert!(e.contains("A population has not been defined"), "{e}");
}

#[test]
fn configure_dummy_data_rules() {
    ok("dataset.configure_dummy_data(population_size=100, additional_population_constraint=patients.sex == \"male\")");
    let e = err("dataset.configure_dummy_data(legacy=True, additional_population_constraint=patients.sex == \"male\")");
    assert!(e.contains("legacy=True"), "{e}");
    let e = err("dataset.configure_dummy_data(additional_population_constraint=patients.sex)");
    assert!(e.contains("must be a boolean series"), "{e}");
    let e = err("dataset.configure_dummy_data(100)");
    assert!(e.contains("keyword arguments only"), "{e}");
}

#[test]
fn population_validation() {
    for population in [
        "~patients.exists_for_patient()",
        "patients.date_of_death.is_null()",
        "clinical_events.count_for_patient() == 0",
        "patients.sex.is_not_in([])",
        "(patients.sex == \"male\").when_null_then(True)",
    ] {
        let e = error(&format!(
            "from ehrql import *\nfrom ehrql.tables.core import *\ndataset = create_dataset()\ndataset.define_population({population})\n"
        ));
        assert!(
            e.contains("must not evaluate as True for NULL inputs"),
            "{population}: {e}"
        );
    }
    qm("from ehrql import *\nfrom ehrql.tables.core import *\ndataset = create_dataset()\n\
        dataset.define_population(clinical_events.exists_for_patient() | patients.exists_for_patient())\n");
}

#[test]
fn user_tables_with_meta_helpers_and_constraints() {
    insta::assert_snapshot!(ok(
        "from ehrql.tables import table, EventFrame, Series, Constraint\n\
         @table\nclass my_events(EventFrame):\n    class _meta:\n        table_name = \"my_tab\"\n        required_permission = \"perm\"\n\
         \x20   d = Series(datetime.date, constraints=[Constraint.NotNull()])\n\
         \x20   k = Series(str, constraints=[Constraint.Categorical([\"a\", \"b\"])])\n\
         \x20   def recent(self):\n        return self.where(self.d > \"2020-01-01\")\n\
         dataset.n = my_events.where(my_events.k == \"a\").recent().count_for_patient()"
    ));
    let c = compile(&format!(
        "{HEAD}from ehrql.tables import table, EventFrame, Series\n@table\nclass t(EventFrame):\n    class _meta:\n        required_permission = \"perm\"\n    d = Series(datetime.date)\ndataset.n = t.count_for_patient()\n"
    ))
    .unwrap();
    assert_eq!(c.required_permissions(), vec!["perm".to_string()]);
    assert_eq!(
        c.tables_used(),
        vec!["patients".to_string(), "t".to_string()]
    );
}

#[test]
fn table_must_subclass_a_frame() {
    let e = err("from ehrql.tables import table, Series\n@table\nclass t:\n    d = Series(int)\n");
    assert!(
        e.contains("must subclass either `PatientFrame` or `EventFrame`"),
        "{e}"
    );
}

#[test]
fn inline_tables() {
    insta::assert_snapshot!(ok(
        "from ehrql.tables import table_from_rows, PatientFrame, Series\n\
         @table_from_rows([(1, 10, \"2020-01-01\"), (2, None, None)])\nclass t(PatientFrame):\n    x = Series(int)\n    d = Series(datetime.date)\n\
         dataset.x = t.x\ndataset.d = t.d"
    ));
}

#[test]
fn table_from_file_csv_and_gzip() {
    let def = "from ehrql import create_dataset\nfrom ehrql.tables import table_from_file, PatientFrame, Series\nimport datetime\n\
               t = table_from_file(\"data/t.csv\", columns={\"i\": int, \"d\": datetime.date, \"b\": bool})\n\
               @table_from_file(\"data/t.csv.gz\")\nclass g(PatientFrame):\n    i = Series(int)\n\
               dataset = create_dataset()\ndataset.define_population(t.exists_for_patient())\ndataset.i = t.i\ndataset.gi = g.i\n";
    // A stored (uncompressed) deflate block inside a gzip wrapper.
    let csv = b"patient_id,i,d,b\n1,5,2020-01-02,T\n2,,,F\n";
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1];
    gz.extend_from_slice(&(csv.len() as u16).to_le_bytes());
    gz.extend_from_slice(&(!(csv.len() as u16)).to_le_bytes());
    gz.extend_from_slice(csv);
    gz.extend_from_slice(&[0; 8]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(dir.path().join("dataset_definition.py"), def).unwrap();
    std::fs::write(dir.path().join("data/t.csv"), csv).unwrap();
    std::fs::write(dir.path().join("data/t.csv.gz"), &gz).unwrap();
    let c = ehrql::lang::compile_definition(
        std::path::Path::new("dataset_definition.py"),
        &[],
        dir.path(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
    insta::assert_snapshot!(show(&c));
}

#[test]
fn code_classes_validate_per_system() {
    ok("from ehrql.codes import *\n\
        x = [SNOMEDCTCode(\"123456\"), DMDCode(\"123456789\"), ICD10Code(\"A01X2\"), ICD10Code(\"A0123\"), CTV3Code(\"Xa12.\"), CTV3Code(\"Y1...\"),\n\
        \x20    BNFCode(\"0101010A0AAAAAA\"), BNFCode(\"21000000000\"), OPCS4Code(\"A012\")]");
    for (class, code) in [
        ("SNOMEDCTCode", "0123456"),
        ("SNOMEDCTCode", "12345"),
        ("ICD10Code", "a01"),
        ("ICD10Code", "A01.1"),
        ("ICD10Code", "A01234"),
        ("OPCS4Code", "I01"),
        ("OPCS4Code", "A0"),
        ("CTV3Code", "X...."),
        ("BNFCode", "24000000000"),
    ] {
        let e = err(&format!("from ehrql.codes import *\n{class}(\"{code}\")"));
        assert!(
            e.contains(&format!("Invalid {class}: {code}")),
            "{class}({code}): {e}"
        );
    }
}

#[test]
fn codelists_columns_categories_and_duplicates() {
    let files = [
        (
            "dataset_definition.py",
            "from ehrql import create_dataset, codelist_from_csv\nfrom ehrql.tables.core import patients, clinical_events\n\
             codes = codelist_from_csv(\"codelists/c.csv\", column=\"code\")\n\
             cats = codelist_from_csv(\"codelists/c.csv\", column=\"code\", category_column=\"cat\")\n\
             assert codes == [\"123456\", \"234567\"], codes\n\
             assert cats == {\"123456\": \"b\", \"234567\": \"c\"}, cats\n\
             dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
             dataset.cat = clinical_events.sort_by(clinical_events.date).first_for_patient().snomedct_code.to_category(cats)\n",
        ),
        ("codelists/c.csv", "\u{feff}code,term,cat\n123456,x,a\n 234567 ,\"y, z\",c\n,,\n123456,x,b\n"),
    ];
    let c = compile_files(&files, &[]).unwrap_or_else(|(e, _)| panic!("{e}"));
    insta::assert_snapshot!(show(&c));
    let files = [
        (
            "dataset_definition.py",
            "from ehrql import codelist_from_csv\ncodelist_from_csv(\"c.csv\", column=\"nope\")\n",
        ),
        ("c.csv", "code\n1\n"),
    ];
    let (e, code) = compile_files(&files, &[]).err().unwrap();
    assert_eq!(code, 11);
    assert!(e.contains("No column 'nope' in CSV"), "{e}");
}

#[test]
fn get_parameter_from_argv() {
    let def = "from ehrql import create_dataset, get_parameter\nfrom ehrql.tables.core import patients\n\
               year = get_parameter(\"year\", type=int)\nnames = get_parameter(\"name\")\nflag = get_parameter(\"flag\", type=bool, default=False)\n\
               other = get_parameter(\"other\", default=\"x\")\nassert year == 2020, year\nassert names == [\"a\", \"b\"], names\n\
               assert flag is True, flag\nassert other == \"x\"\n\
               dataset = create_dataset()\ndataset.define_population(patients.date_of_birth.year < year)\n";
    let c = compile_files(
        &[("dataset_definition.py", def)],
        &[
            "--year", "2020", "--name", "a", "--name=b", "--flag", "true",
        ],
    );
    assert!(c.is_ok(), "{:?}", c.err());
    let (e, code) = compile_files(&[("dataset_definition.py", def)], &[])
        .err()
        .unwrap();
    assert_eq!(code, 10);
    assert!(
        e.contains("parameter `year` defined but no values found"),
        "{e}"
    );
    let (_, code) = compile_files(&[("dataset_definition.py", def)], &["--year", "abc"])
        .err()
        .unwrap();
    assert_eq!(code, 2);
}

#[test]
fn measures_definitions() {
    insta::assert_snapshot!(qm(
        "from ehrql import create_measures, INTERVAL, months, years\nfrom ehrql.tables.core import patients, clinical_events\n\
         measures = create_measures()\n\
         events = clinical_events.where(clinical_events.date.is_during(INTERVAL))\n\
         measures.define_defaults(denominator=patients.exists_for_patient(), intervals=months(3).starting_on(\"2020-01-01\"))\n\
         measures.define_measure(\"any_event\", numerator=events.exists_for_patient(), group_by={\"sex\": patients.sex})\n\
         measures.define_measure(\"event_count\", numerator=events.count_for_patient())\n\
         measures.define_measure(\"yearly\", numerator=events.exists_for_patient(), denominator=patients.age_on(INTERVAL.start_date) > 18, intervals=years(2).ending_on(\"2021-12-31\"))\n"
    ));
}

#[test]
fn measures_rules() {
    let head = "from ehrql import create_measures, INTERVAL, months\nfrom ehrql.tables.core import patients, clinical_events\nmeasures = create_measures()\n";
    for (body, needle) in [
        ("measures.define_measure(\"m\", numerator=patients.exists_for_patient())", "No value supplied for 'denominator'"),
        ("measures.define_measure(\"m\", numerator=patients.sex, denominator=patients.exists_for_patient(), intervals=[])", "must be a boolean or integer series"),
        ("measures.define_measure(\"m\", numerator=patients.exists_for_patient(), denominator=patients.exists_for_patient(), intervals=months(3))", "starting_on"),
        ("measures.define_defaults(intervals=[])\nmeasures.define_defaults(intervals=[])", "Defaults already set"),
        ("measures.define_measure(\"m\", numerator=patients.exists_for_patient(), denominator=patients.exists_for_patient(), intervals=[], group_by={\"ratio\": patients.sex})", "may not be any of"),
        ("x = 1", "No measures defined"),
    ] {
        let e = error(&format!("{head}{body}\n"));
        assert!(e.contains(needle), "{body}: {e}");
    }
}

#[test]
fn legacy_beta_and_raw_modules() {
    insta::assert_snapshot!(qm(
        "from ehrql import Dataset\nfrom ehrql.tables.beta.tpp import patients, apcs\nfrom ehrql.tables.beta.raw.core import ons_deaths\n\
         from ehrql.tables.raw.tpp import *\nfrom ehrql.tables.emis import patients as emis_patients\nfrom ehrql.tables.emisv2 import *\nfrom ehrql.tables.smoketest import *\n\
         dataset = Dataset()\ndataset.define_population(patients.exists_for_patient())\ndataset.deaths = ons_deaths.count_for_patient()\n"
    ));
}

#[test]
fn show_and_claim_permissions_are_recorded() {
    let c = compile(&format!("{HEAD}show(patients.sex, label=\"sex\")\nshow(patients.sex)\nclaim_permissions(\"appointments\", \"ukrr\")\n")).unwrap();
    assert_eq!(c.shows, vec![Some("sex".to_string()), None]);
    assert_eq!(
        c.claimed_permissions,
        vec!["appointments".to_string(), "ukrr".to_string()]
    );
}

#[test]
fn series_classes_for_isinstance() {
    ok(
        "from ehrql.query_language import BaseSeries, IntPatientSeries, DateEventSeries\n\
        assert isinstance(patients.date_of_birth.year, IntPatientSeries)\n\
        assert isinstance(clinical_events.date, DateEventSeries)\n\
        assert isinstance(patients.sex, BaseSeries)\n\
        assert not isinstance(patients.sex, IntPatientSeries)\n\
        assert not isinstance(1, BaseSeries)",
    );
}

#[test]
fn a_variable_named_measures_does_not_hide_the_dataset() {
    ok("measures = [\"bmi\", \"bp\"]");
}

#[test]
fn get_parameter_argparse_details() {
    let def = "from ehrql import get_parameter\n\
               assert get_parameter(\"n\", type=int) == -5\n\
               assert get_parameter(\"xs\") == [\"a\", \"b\"]\n\
               assert get_parameter(\"x\", default=\"d\") == \"d\"\n\
               assert get_parameter(\"k\", type=int, default=\"3\") == \"3\"\n\
               from ehrql import create_dataset\nfrom ehrql.tables.core import patients\n\
               dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n";
    let r = compile_files(
        &[("dataset_definition.py", def)],
        &["--n", "-5", "--xs", "a", "b", "--xy", "zz"],
    );
    assert!(r.is_ok(), "{:?}", r.err());
    let bad = "from ehrql import get_parameter\nget_parameter(\"x\", type=list)\n";
    let (e, _) =
        compile_files(&[("dataset_definition.py", bad)], &["--x", "1"]).expect_err("fails");
    assert!(e.contains("ParameterError"), "{e}");
    let bad = "from ehrql import get_parameter\nget_parameter(\"b\", type=bool)\n";
    let (e, _) =
        compile_files(&[("dataset_definition.py", bad)], &["--b", "maybe"]).expect_err("fails");
    assert!(e.contains("invalid boolean value"), "{e}");
}
