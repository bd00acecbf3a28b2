"""Codelists for the COVID-19 vaccine coverage study.

All of these come from the PRIMIS "COVID-19 vaccination uptake" specification, which
defines the JCVI priority groups. Downloaded from OpenCodelists (see codelists.txt).
"""

from ehrql import codelist_from_csv

ast = codelist_from_csv("codelists/primis-covid19-vacc-uptake-ast.csv", column="code")
astadm = codelist_from_csv("codelists/primis-covid19-vacc-uptake-astadm.csv", column="code")
resp_cov = codelist_from_csv("codelists/primis-covid19-vacc-uptake-resp_cov.csv", column="code")
chd_cov = codelist_from_csv("codelists/primis-covid19-vacc-uptake-chd_cov.csv", column="code")
ckd_cov = codelist_from_csv("codelists/primis-covid19-vacc-uptake-ckd_cov.csv", column="code")
cld = codelist_from_csv("codelists/primis-covid19-vacc-uptake-cld.csv", column="code")
diab = codelist_from_csv("codelists/primis-covid19-vacc-uptake-diab.csv", column="code")
immrx = codelist_from_csv("codelists/primis-covid19-vacc-uptake-immrx.csv", column="code")
sev_mental = codelist_from_csv(
    "codelists/primis-covid19-vacc-uptake-sev_mental.csv", column="code"
)
learndis = codelist_from_csv("codelists/primis-covid19-vacc-uptake-learndis.csv", column="code")
bmi_stage = codelist_from_csv("codelists/primis-covid19-vacc-uptake-bmi_stage.csv", column="code")
longres = codelist_from_csv("codelists/primis-covid19-vacc-uptake-longres.csv", column="code")
carer = codelist_from_csv("codelists/primis-covid19-vacc-uptake-carer.csv", column="code")
