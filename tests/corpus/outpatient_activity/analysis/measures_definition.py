"""Outpatient appointments by consultation medium (face-to-face vs telephone/video),
before and after March 2020. Uses the outpatient (OPA) tables."""

from ehrql import INTERVAL, create_measures, months
from ehrql.tables.tpp import opa, opa_diag, opa_proc, patients, practice_registrations

MEDIUMS = {
    "face_to_face": ["01"],
    "telephone": ["02", "04"],
    "video": ["03", "05"],
}

in_month = opa.where(opa.appointment_date.is_during(INTERVAL))
attended = in_month.where(in_month.attendance_status.is_in(["5", "6"]))

measures = create_measures()
measures.configure_dummy_data(population_size=500)
measures.configure_disclosure_control(enabled=False)
measures.define_defaults(
    denominator=practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient(),
    intervals=months(36).starting_on("2019-01-01"),
)
for medium, codes in MEDIUMS.items():
    measures.define_measure(
        name=f"opa_{medium}",
        numerator=attended.where(attended.consultation_medium_used.is_in(codes)).count_for_patient(),
        group_by={"sex": patients.sex},
    )
measures.define_measure(
    name="opa_first_attendances",
    numerator=attended.where(attended.first_attendance.is_in(["1", "3"])).count_for_patient(),
)
measures.define_measure(
    name="opa_did_not_attend",
    numerator=in_month.where(in_month.attendance_status.is_in(["3", "7"])).count_for_patient(),
)
measures.define_measure(
    name="opa_with_diagnosis",
    numerator=opa_diag.where(opa_diag.appointment_date.is_during(INTERVAL))
    .where(opa_diag.primary_diagnosis_code.is_not_null())
    .count_for_patient(),
)
measures.define_measure(
    name="opa_with_procedure",
    numerator=opa_proc.where(opa_proc.appointment_date.is_during(INTERVAL)).exists_for_patient(),
)
