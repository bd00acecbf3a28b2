"""Codelists for the asthma example study, loaded once and shared."""
from ehrql import codelist_from_csv

asthma_diagnosis = codelist_from_csv("codelists/asthma-diagnosis.csv", column="code")
asthma_inhalers = codelist_from_csv(
    "codelists/asthma-inhalers.csv", column="dmd_id", category_column="inhaler_type"
)
smoking_status = codelist_from_csv(
    "codelists/smoking-status.csv", column="code", category_column="status"
)

__all__ = ["asthma_diagnosis", "asthma_inhalers", "smoking_status"]
