"""Opioid prescribing while waiting for elective orthopaedic surgery (trauma & orthopaedics,
treatment function 110). Uses the RTT waiting list tables."""

from ehrql import claim_permissions, codelist_from_csv, create_dataset, days, weeks
from ehrql.tables.tpp import medications, patients, practice_registrations, wl_clockstops, wl_openpathways

claim_permissions("waiting_list")

opioids = codelist_from_csv("codelists/opensafely-opioids-for-analgesia.csv", column="dmd_id")

# Completed pathways (clock stops) in 2022 for T&O, admitted pathways only
clockstops = wl_clockstops.where(wl_clockstops.activity_treatment_function_code == "110").where(
    wl_clockstops.waiting_list_type.is_in(["IRTT", "PTLI", "RTTI"])
).where(wl_clockstops.referral_to_treatment_period_end_date.is_on_or_between("2022-01-01", "2022-12-31"))

pathway = clockstops.sort_by(
    clockstops.referral_to_treatment_period_end_date,
    clockstops.pseudo_referral_identifier,
).last_for_patient()
rtt_start = pathway.referral_to_treatment_period_start_date
rtt_end = pathway.referral_to_treatment_period_end_date

dataset = create_dataset()
dataset.configure_dummy_data(population_size=500)
dataset.define_population(
    pathway.exists_for_patient()
    & practice_registrations.spanning(rtt_start - days(182), rtt_end).exists_for_patient()
    & (patients.age_on(rtt_start) >= 18)
)
dataset.rtt_start_date = rtt_start
dataset.rtt_end_date = rtt_end
dataset.wait_weeks = (rtt_end - rtt_start).weeks
dataset.priority = pathway.priority_type_code
dataset.waited_over_18_weeks = rtt_end > rtt_start + weeks(18)

during = medications.where(medications.dmd_code.is_in(opioids)).where(
    medications.date.is_on_or_between(rtt_start, rtt_end)
)
dataset.opioid_rx_during_wait = during.count_for_patient()
dataset.opioid_rx_before = (
    medications.where(medications.dmd_code.is_in(opioids))
    .where(medications.date.is_on_or_between(rtt_start - days(182), rtt_start - days(1)))
    .count_for_patient()
)

still_open = wl_openpathways.where(wl_openpathways.week_ending_date == "2022-05-01")
dataset.open_pathways_may_2022 = still_open.count_for_patient()
