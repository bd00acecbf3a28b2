//! Tests of reading case files: typed cells, prose, and errors naming file and line.

use super::*;

const TABLES: &str = "class p(PatientFrame):\n    i1 = Series(int)\n    d1 = Series(datetime.date)\n    m1 = Series(ICD10MultiCodeString)\n";

fn parse(text: &str) -> Result<Topic, String> {
    let cols = parse_columns(TABLES).unwrap();
    parse_file(Path::new("spec/x/t.md"), text, &cols)
}

#[test]
fn a_case_is_read_into_typed_parts() {
    let text = "# Topic\nIntro.\n\n## a case\nWhy.\n```tables\np (patient)\npatient_id | i1 | d1 | m1\n1 | 5 | 2020-01-31 | A1\\|B2\n2 | | |\n```\n```ehrql\np.i1\n```\n```expected\npatient_id | value\n1 | 5\n2 |\n```\n";
    let topic = parse(text).unwrap();
    assert_eq!(topic.title, "Topic");
    assert_eq!(topic.intro, "Intro.");
    let case = &topic.cases[0];
    assert_eq!(
        (case.line, case.title.as_str(), case.prose.as_str()),
        (4, "a case", "Why.")
    );
    assert!(!case.whole_definition);
    assert_eq!(case.ehrql, "p.i1");
    let p = case.table("p").unwrap();
    assert_eq!(p.kind, FrameKind::Patient);
    assert_eq!(
        p.rows[0].cells,
        vec![
            Cell::Int(5),
            Cell::Date(Date::parse_iso("2020-01-31").unwrap()),
            Cell::Str("A1|B2".into())
        ]
    );
    assert_eq!(p.rows[1].cells, vec![Cell::Null, Cell::Null, Cell::Null]);
    assert_eq!(case.expected.columns, vec!["value"]);
    assert_eq!(case.expected.rows[1].cells, vec![None]);
    assert_eq!(case.expected.rows[1].line, 18);
}

#[test]
fn errors_name_file_and_line() {
    let bad_cell = "# T\n## c\n```tables\np (patient)\npatient_id | i1\n1 | x\n```\n";
    assert_eq!(
        parse(bad_cell).unwrap_err(),
        "spec/x/t.md:6: `x` is not a valid int for i1"
    );
    let missing = "# T\n## c\n```tables\np (patient)\npatient_id | i1\n1 | 2\n```\n";
    assert_eq!(
        parse(missing).unwrap_err(),
        "spec/x/t.md:2: case `c` has no expected block"
    );
    let unsorted = "# T\n## c\n```expected\npatient_id | value\n2 | 1\n1 | 1\n```\n";
    assert_eq!(
        parse(unsorted).unwrap_err(),
        "spec/x/t.md:6: rows must be sorted by patient_id"
    );
    assert_eq!(
        parse("no title\n").unwrap_err(),
        "spec/x/t.md:1: a case file starts with `# Title`"
    );
}
