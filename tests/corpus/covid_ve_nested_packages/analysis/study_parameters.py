# Dates and settings shared by every extract in this study.
STUDY_START = "2021-12-01"
STUDY_END = "2022-03-31"
PRODUCTS = {
    "pfizer": "COVID-19 mRNA Vaccine Comirnaty 30micrograms/0.3ml dose conc for susp for inj MDV (Pfizer)",
    "moderna": "COVID-19 mRNA Vaccine Spikevax (nucleoside modified) 0.1mg/0.5mL dose disp for inj MDV (Moderna)",
}
MIN_AGE = 18
