"""Invented but believable Danish names for demo data."""

FIRST_NAMES = (
    "Mette", "Lars", "Søren", "Anne", "Jørgen", "Birgitte", "Rasmus", "Louise", "Mads",
    "Camilla", "Henrik", "Pernille", "Thomas", "Ida", "Jakob", "Line", "Niels", "Sofie",
    "Anders", "Karen", "Peter", "Maria", "Kasper", "Trine", "Morten", "Hanne", "Ole", "Lene",
    "Frederik", "Signe", "Christian", "Malene", "Jesper", "Tina", "Bo", "Charlotte", "Emil",
    "Julie", "Troels", "Marianne", "Nikolaj", "Helle", "Steen", "Rikke", "Asger", "Dorthe",
    "Kristian", "Vibeke", "Gustav", "Astrid",
)
LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Frederiksen",
    "Holm", "Lund", "Dahl", "Bach", "Vestergaard", "Kjær", "Skov", "Schmidt", "Brandt",
    "Søgaard", "Bisgaard", "Thygesen", "Iversen", "Lauridsen", "Kjeldsen", "Mikkelsen", "Winther",
    "Nørgaard",
)
CITIES = (
    ("Aarhus", "8000"), ("Odense", "5000"), ("Aalborg", "9000"), ("Esbjerg", "6700"),
    ("Vejle", "7100"), ("Kolding", "6000"), ("Horsens", "8700"), ("Randers", "8900"),
    ("Viborg", "8800"), ("Silkeborg", "8600"), ("Herning", "7400"), ("Holstebro", "7500"),
    ("Fredericia", "7000"), ("Svendborg", "5700"), ("Roskilde", "4000"), ("Næstved", "4700"),
    ("Køge", "4600"), ("Hillerød", "3400"), ("Sønderborg", "6400"), ("Haderslev", "6100"),
    ("Skive", "7800"), ("Thisted", "7700"), ("Frederikshavn", "9900"), ("Hjørring", "9800"),
    ("Lyngby", "2800"), ("Ballerup", "2750"), ("Skanderborg", "8660"), ("Ringkøbing", "6950"),
)
# Pieces of company names: place or founder word + trade + legal form.
NAME_STEMS = (
    "Vestkyst", "Limfjord", "Gudenå", "Nordjysk", "Fynsk", "Skagerrak", "Mols", "Himmerland",
    "Vadehav", "Kattegat", "Lillebælt", "Storå", "Djurs", "Salling", "Thy", "Bornholm",
    "Hedeland", "Sydhavn", "Klint", "Lysbro", "Aqua", "Blå", "Klar", "Rent", "Grøn", "Nord",
    "Syd", "Øst", "Vest", "Dansk", "Jysk", "Havbrug", "Brønd", "Kilde", "Strøm", "Bølge",
)
TRADES = (
    "Pumper", "Filter", "Membran", "Måleteknik", "Rørteknik", "Miljø", "Vandrens", "Sensor",
    "Automation", "Rådgivning", "Ventiler", "Spildevand", "Analyse", "Energi", "Styring",
    "Klima", "Hydraulik", "Dosering", "Software", "Consult",
)
LEGAL_FORMS = ("A/S", "ApS", "ApS", "ApS", "I/S", "IVS", "A/S")
SECTORS = (
    "Drinking water", "Wastewater", "Water in industry", "Climate adaptation", "Digital water",
    "Irrigation", "Aquaculture", "Water & energy", "Sensors and monitoring", "Consulting",
)
TAGS = ("export-ready", "board member", "newcomer", "EU projects", "Innovation Express",
        "test facility", "digital", "dialogue member")
LANGUAGES = ("da", "da", "da", "en", "de", "sv")
MARKETS = ("DE", "SE", "NO", "NL", "PL", "GB", "US", "FR", "FI", "LT", "CN", "IN", "VN", "KE")


def email_domain(company: str) -> str:
    base = company.lower()
    for legal in (" a/s", " aps", " i/s", " ivs"):
        base = base.replace(legal, "")
    base = (base.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
            .replace(" ", "").replace("–", "").replace("-", ""))
    return f"{base}.dk"


def email_local(name: str) -> str:
    return (name.lower().replace(" ", ".").replace("æ", "ae").replace("ø", "oe")
            .replace("å", "aa"))
