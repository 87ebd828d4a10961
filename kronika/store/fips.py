"""ISO 3166-1 alpha-3 to FIPS 10-4 country codes, for the Geo fields of GDELT 2.0 (which are FIPS).

Source: the FIPS 10-4 column of the CIA World Factbook's "Appendix D: cross-reference list of country data
codes" (public domain). Only countries whose FIPS code is needed so far are listed; a country missing here
gets an empty Geo country code in the export rather than a guessed one.
"""

ISO3_TO_FIPS = {
    "AFG": "AF", "ALB": "AL", "ARE": "AE", "ARG": "AR", "ARM": "AM", "AUS": "AS", "AUT": "AU", "AZE": "AJ",
    "BEL": "BE", "BGD": "BG", "BGR": "BU", "BHR": "BA", "BIH": "BK", "BLR": "BO", "BRA": "BR", "CAN": "CA",
    "CHE": "SZ", "CHL": "CI", "CHN": "CH", "COL": "CO", "CUB": "CU", "CYP": "CY", "CZE": "EZ", "DEU": "GM",
    "DNK": "DA", "DZA": "AG", "EGY": "EG", "ESP": "SP", "EST": "EN", "ETH": "ET", "FIN": "FI", "FRA": "FR",
    "GBR": "UK", "GEO": "GG", "GRC": "GR", "HRV": "HR", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "EI",
    "IRN": "IR", "IRQ": "IZ", "ISL": "IC", "ISR": "IS", "ITA": "IT", "JOR": "JO", "JPN": "JA", "KAZ": "KZ",
    "KEN": "KE", "KGZ": "KG", "KHM": "CB", "KOR": "KS", "KWT": "KU", "LBN": "LE", "LBY": "LY", "LKA": "CE",
    "LTU": "LH", "LUX": "LU", "LVA": "LG", "MAR": "MO", "MDA": "MD", "MEX": "MX", "MKD": "MK", "MMR": "BM",
    "MNE": "MJ", "MNG": "MG", "MYS": "MY", "NGA": "NI", "NLD": "NL", "NOR": "NO", "NPL": "NP", "NZL": "NZ",
    "PAK": "PK", "PHL": "RP", "POL": "PL", "PRK": "KN", "PRT": "PO", "QAT": "QA", "ROU": "RO", "RUS": "RS",
    "SAU": "SA", "SDN": "SU", "SGP": "SN", "SRB": "RI", "SVK": "LO", "SVN": "SI", "SWE": "SW", "SYR": "SY",
    "THA": "TH", "TJK": "TI", "TKM": "TX", "TUR": "TU", "TWN": "TW", "UKR": "UP", "USA": "US", "UZB": "UZ",
    "VAT": "VT", "VEN": "VE", "VNM": "VM", "YEM": "YM", "ZAF": "SF",
}
