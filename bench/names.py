"""German-looking names and texts for synthetic records, built from a few word lists. They read
like Brandenburg, but the records carrying them are marked as synthetic elsewhere (slug, AGS,
sources): a name alone may happen to be real."""

PREFIXES = ["Alt", "Neu", "Groß", "Klein", "Ober", "Nieder", "Wendisch", "Königs", "Hohen"]
# fmt: off
STEMS = [
    "Birken", "Eichen", "Linden", "Erlen", "Buchen", "Fichten", "Kiefern", "Tannen", "Eschen",
    "Weiden", "Rosen", "Wald", "Seen", "Heide", "Mühlen", "Sand", "Stein", "Bären", "Wolfs",
    "Falken", "Kranich", "Storch", "Reiher", "Hasel", "Wiesen", "Bruch", "Kien", "Schwan",
    "Grün", "Schön", "Fried", "Marien", "Wilhelms", "Luisen", "Pritz", "Zern", "Dober", "Golz",
    "Treb", "Wuster", "Rhins", "Temp", "Lieb", "Brem", "Zieg", "Lutz", "Kummer", "Drewitz",
]
# fmt: on
# fmt: off
SUFFIXES = [
    "dorf", "au", "feld", "felde", "hagen", "werder", "walde", "berg", "hausen", "witz", "ow",
    "in", "itz", "stedt", "brück", "heide", "see", "thal", "burg", "hof", "rode", "kow", "nitz",
]
# fmt: on
# fmt: off
QUALIFIERS = [
    "an der Havel", "an der Spree", "(Oder)", "am See", "(Mark)", "in der Prignitz",
    "(Elster)", "am Fläming",
]
# fmt: on
RIVERS = ["Havel", "Spree", "Oder", "Elster", "Dahme", "Uecker", "Nuthe", "Plane", "Rhin", "Dosse"]
LANDSCAPES = ["land", "heide", "seen", "fläming", "bruch", "wald", "mark", "niederung", "aue"]
COMPASS = ["Nord", "Süd", "Ost", "West", "Mitte"]

# Themes with their sub-themes: the synthetic topics, and the words of titles and texts.
# fmt: off
THEMES = [
    ("Innenstadt und Handel", ["Leerstand", "Marktplätze", "Stadtmarketing", "Einzelhandel"]),
    ("Klima und Energie", ["Klimaanpassung", "Wärmeplanung", "Stadtgrün", "Regenwasser"]),
    ("Mobilität", ["Radverkehr", "Busverkehr auf dem Land", "Bahnhofsumfelder", "Carsharing"]),
    ("Digitale Kommune", ["Smart City", "Offene Daten", "Digitale Verwaltung", "Breitband"]),
    ("Soziale Stadt", ["Quartiersmanagement", "Nachbarschaft", "Jugendbeteiligung", "Pflege"]),
    ("Wohnen und Bauen", ["Bezahlbares Wohnen", "Altbausanierung", "Stadtumbau", "Baukultur"]),
    ("Wirtschaft und Arbeit", ["Fachkräfte", "Gründungen", "Tourismus", "Kreativwirtschaft"]),
    ("Kultur und Bildung", ["Bibliotheken", "Schulstandorte", "Kulturorte", "Denkmalpflege"]),
    ("Gesundheit", ["Ärztliche Versorgung", "Bewegung", "Hitzeschutz", "Gemeindeschwestern"]),
    ("Ländlicher Raum", ["Dorfläden", "Ehrenamt", "Dorfgemeinschaftshäuser", "Kooperation"]),
]
# fmt: on
NETWORK_WORDS = {
    "staedtenetzwerk": "Städtenetzwerk",
    "buendnis": "Bündnis",
    "arbeitskreis": "Arbeitskreis",
    "landesinitiative": "Landesinitiative",
    "foerderprogramm": "Förderprogramm",
}
# fmt: off
FIRST_NAMES = [
    "Anna", "Jana", "Katrin", "Sabine", "Petra", "Claudia", "Susanne", "Julia", "Lena", "Marie",
    "Heike", "Birgit", "Ines", "Doreen", "Sophie", "Thomas", "Michael", "Andreas", "Stefan",
    "Frank", "Jens", "Uwe", "Matthias", "Tobias", "Felix", "Jonas", "Paul", "Karsten", "Sven",
]
# fmt: on
# fmt: off
LAST_NAMES = [
    "Müller", "Schulze", "Schmidt", "Krüger", "Lehmann", "Neumann", "Schröder", "Wolf",
    "Richter", "Hoffmann", "Zimmermann", "Krause", "Fischer", "Wagner", "Becker", "Lange",
    "Köhler", "Schwarz", "Braun", "Hartmann", "Kühn", "Franke", "Wendt", "Jahn", "Pohl",
    "Seidel", "Fuchs", "Voigt", "Ziegler", "Winkler",
]
# fmt: on
# fmt: off
FUNCTIONS = [
    "Bürgermeisterin", "Bürgermeister", "Amtsdirektorin", "Leiter Stadtplanung",
    "Klimaschutzmanagerin", "Citymanager", "Quartiersmanagerin", "Wirtschaftsförderung",
    "Referent Stadtentwicklung", "Geschäftsführerin", "Projektleiter", "Bauverwaltung",
]
# fmt: on
ROLES = ["Ansprechpartnerin", "Ansprechpartner", "Koordination", "Geschäftsstelle", "Presse"]
# fmt: off
VENUES = [
    "Rathaus", "Bürgerhaus", "Kulturhaus", "Alte Schule", "Stadtbibliothek", "Kreisverwaltung",
    "Gemeindezentrum", "Stadthalle", "Museum im Speicher", "Bahnhofsgebäude",
]
# fmt: on
# fmt: off
STREETS = [
    "Markt", "Hauptstraße", "Bahnhofstraße", "Lindenallee", "Kirchplatz", "Schulstraße",
    "Am Anger", "Dorfstraße", "Breite Straße", "Mühlenweg",
]
# fmt: on
# fmt: off
SENTENCES = [
    "Die Teilnehmenden tauschen Erfahrungen zu {theme} aus.",
    "Vertreterinnen und Vertreter aus {place} stellen ihr Vorhaben vor.",
    "Im Mittelpunkt stehen Beispiele aus kleinen und mittleren Städten.",
    "Die Stadt {place} lädt dazu in ihr Rathaus ein.",
    "Anschließend besichtigen die Gäste ein Projekt vor Ort.",
    "Fachleute aus Verwaltung, Wirtschaft und Zivilgesellschaft diskutieren über {theme}.",
    "Die Ergebnisse fließen in die weitere Arbeit des Netzwerks ein.",
    "Gefragt ist, was eine Stadt mit wenig Personal selbst leisten kann.",
    "Eine Arbeitsgruppe hat dazu Empfehlungen erarbeitet, die nun beraten werden.",
    "Die Gemeinde {place} berichtet, wie sie {theme} mit Bürgerinnen und Bürgern angeht.",
    "Gäste aus anderen Ländern berichten von ihren Erfahrungen.",
    "Das Land fördert das Vorhaben über mehrere Jahre.",
    "Wer mitarbeiten möchte, meldet sich bei der Geschäftsstelle.",
    "Kurze Vorträge wechseln mit Gesprächen an Thementischen.",
    "Die Dokumentation steht nach der Veranstaltung zur Verfügung.",
]
# fmt: on
# fmt: off
ITEM_TEXTS = [
    "Erfahrungen zu {theme} zwischen den Mitgliedsstädten austauschen",
    "Gemeinsame Positionen gegenüber Land und Bund vertreten",
    "Jährlich eine Fachtagung zu {theme} ausrichten",
    "Arbeitsgruppen zu {theme} einrichten",
    "Modellvorhaben in {place} begleiten und auswerten",
    "Sprecherstadt und Geschäftsstelle wechseln alle zwei Jahre",
    "Beiträge werden nach Wirkung, Übertragbarkeit und Beteiligung bewertet",
]
# fmt: on


def place_name(rng):
    """„Neu Birkenwerder“, „Kiefernhagen an der Havel“, „Großzernitz“."""
    name = rng.choice(STEMS) + rng.choice(SUFFIXES)
    roll = rng.random()
    if roll < 0.15:
        name = f"{rng.choice(PREFIXES)} {name}"
    elif roll < 0.25:
        name = rng.choice(PREFIXES) + name.lower()
    if rng.random() < 0.08:
        name = f"{name} {rng.choice(QUALIFIERS)}"
    return name


def district_names(count, rng):
    """Distinct names of rural districts („Landkreis Dosseheide“)."""
    names = [f"Landkreis {river}{land}" for river in RIVERS for land in LANDSCAPES]
    rng.shuffle(names)
    return names[:count]


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def sentences(rng, count, **words):
    return " ".join(sentence.format(**words) for sentence in rng.sample(SENTENCES, count))
