"""Language data for the lexical analysis: stop words, light-stemming suffixes and the
multilingual table of ITU key terms. Tables, not code: adding a language means adding its rows.

Words are written folded (lower case, no accents), as `lexical.fold` produces them.
"""

from __future__ import annotations


def _table(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _table(
        """a about above after again all also am an and any are as at be been before being
        below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers him his how i if in into is it its itself
        just may me more most must my no nor not now of off on once only or other our ours out
        over own same shall she should so some such than that the their theirs them then there
        these they this those through to too under until up upon very was we were what when
        where which while who whom why will with within without would you your including
        related relating regarding based use used using new also etc""",
    ),
    "fr": _table(
        """a afin ai aie aient ainsi als au aucun aupres aussi autre autres aux avec avoir c
        ca ce ceci cela celle celles celui ces cet cette ceux chaque comme d dans de des du
        donc dont elle elles en entre est et etaient etait etant ete etre eu eux fait fin il
        ils j l la le les leur leurs lors lui m ma mais me meme mes moi mon n ne ni nos notre
        nous on ont ou par parmi pas pendant peu peut plus pour qu quand que quel quelle
        quelles quels qui s sa sans se selon ses si son sont sous sur t ta te tes toi ton tous
        tout toute toutes tres tu un une vers vos votre vous y relatif relative relatifs
        relatives concernant utilisation nouveau nouvelle nouveaux nouvelles""",
    ),
    "es": _table(
        """a al algo algunas algunos ante antes como con contra cual cuales cuando de del
        desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta
        estas este esto estos fue fueron ha han hasta hay la las le les lo los mas me mi mis
        muy ni no nos nuestra nuestro o otra otras otro otros para pero por que quien se
        sea segun ser si sin sobre su sus tambien tiene todo todos tu un una uno unos y ya
        relativo relativa relativos relativas uso nuevo nueva nuevos nuevas""",
    ),
}

# Suffixes removed by the light stemmer, longest first; a stem keeps at least MIN_STEM letters.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        "ational",
        "ization",
        "ations",
        "ation",
        "ments",
        "ities",
        "ness",
        "ment",
        "ings",
        "ity",
        "ing",
        "ies",
        "ied",
        "ers",
        "ed",
        "es",
        "er",
        "ly",
        "al",
        "s",
    ),
    "fr": (
        "issements",
        "issement",
        "atrices",
        "ateurs",
        "ations",
        "ations",
        "atrice",
        "ateur",
        "ation",
        "ments",
        "ement",
        "ment",
        "ites",
        "ite",
        "euses",
        "euse",
        "eux",
        "ives",
        "ive",
        "ifs",
        "if",
        "ees",
        "ee",
        "es",
        "er",
        "e",
        "s",
        "x",
    ),
    "es": (
        "aciones",
        "amientos",
        "imientos",
        "amiento",
        "imiento",
        "acion",
        "adores",
        "adoras",
        "ador",
        "adora",
        "idades",
        "idad",
        "mente",
        "ibles",
        "ables",
        "ible",
        "able",
        "iones",
        "ion",
        "os",
        "as",
        "es",
        "o",
        "a",
        "s",
    ),
}

MIN_STEM = 4

# Concepts nearly every ITU text shares: indexed, but not shown as evidence of an overlap.
GENERIC_CONCEPTS = frozenset({"telecommunication", "radiocommunication", "standardization"})

# ITU key terms: one concept, its forms in each language (folded, multi-word allowed). Text
# matching a form is indexed as the concept (`~network`), so an English and a French text on
# the same subject share these terms whatever their language.
KEY_TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "network": {
        "en": ("network", "networks", "networking"),
        "fr": ("reseau", "reseaux"),
        "es": ("red", "redes"),
    },
    "security": {
        "en": ("security", "secure", "cybersecurity"),
        "fr": ("securite", "cybersecurite"),
        "es": ("seguridad", "ciberseguridad"),
    },
    "emergency": {
        "en": ("emergency", "emergencies", "disaster", "disasters"),
        "fr": ("urgence", "urgences", "catastrophe", "catastrophes"),
        "es": ("emergencia", "emergencias", "catastrofe", "catastrofes", "desastre", "desastres"),
    },
    "accessibility": {
        "en": ("accessibility", "accessible", "persons with disabilities", "disabilities"),
        "fr": ("accessibilite", "accessible", "personnes handicapees", "handicap"),
        "es": ("accesibilidad", "accesible", "personas con discapacidad", "discapacidad"),
    },
    "climate": {
        "en": ("climate change", "climate", "environment", "environmental", "e-waste"),
        "fr": (
            "changements climatiques",
            "changement climatique",
            "climat",
            "environnement",
            "dechets electroniques",
        ),
        "es": ("cambio climatico", "clima", "medio ambiente", "residuos electronicos"),
    },
    "imt": {
        "en": ("imt", "imt-2020", "imt-2030", "mobile", "cellular", "5g", "6g"),
        "fr": ("imt", "mobile", "mobiles", "cellulaire"),
        "es": ("imt", "movil", "moviles", "celular"),
    },
    "emc": {
        "en": ("electromagnetic compatibility", "emc", "electromagnetic fields", "emf"),
        "fr": ("compatibilite electromagnetique", "cem", "champs electromagnetiques"),
        "es": ("compatibilidad electromagnetica", "cem", "campos electromagneticos"),
    },
    "broadcasting": {
        "en": ("broadcasting", "broadcast", "audiovisual", "television", "iptv"),
        "fr": ("radiodiffusion", "audiovisuel", "audiovisuelle", "television"),
        "es": ("radiodifusion", "audiovisual", "television"),
    },
    "satellite": {
        "en": ("satellite", "satellites"),
        "fr": ("satellite", "satellites"),
        "es": ("satelite", "satelites"),
    },
    "spectrum": {
        "en": ("spectrum", "frequency", "frequencies"),
        "fr": ("spectre", "frequence", "frequences"),
        "es": ("espectro", "frecuencia", "frecuencias"),
    },
    "developing-countries": {
        "en": (
            "developing countries",
            "least developed countries",
            "bridging the digital divide",
            "digital divide",
        ),
        "fr": ("pays en developpement", "pays les moins avances", "fracture numerique"),
        "es": ("paises en desarrollo", "paises menos adelantados", "brecha digital"),
    },
    "rural": {
        "en": ("rural", "remote areas"),
        "fr": ("rural", "rurale", "rurales", "ruraux", "zones isolees"),
        "es": ("rural", "rurales", "zonas remotas"),
    },
    "iot": {
        "en": ("internet of things", "iot", "smart cities", "smart city"),
        "fr": ("internet des objets", "villes intelligentes", "ville intelligente"),
        "es": ("internet de las cosas", "ciudades inteligentes", "ciudad inteligente"),
    },
    "broadband": {
        "en": ("broadband",),
        "fr": ("large bande",),
        "es": ("banda ancha",),
    },
    "standardization": {
        "en": ("standardization", "standards", "standard"),
        "fr": ("normalisation", "normes", "norme"),
        "es": ("normalizacion", "normas", "norma"),
    },
    "telecommunication": {
        "en": ("telecommunication", "telecommunications"),
        "fr": ("telecommunication", "telecommunications"),
        "es": ("telecomunicacion", "telecomunicaciones"),
    },
    "radiocommunication": {
        "en": ("radiocommunication", "radiocommunications", "radio"),
        "fr": ("radiocommunication", "radiocommunications", "radioelectrique"),
        "es": ("radiocomunicacion", "radiocomunicaciones", "radioelectrico"),
    },
    "quality-of-service": {
        "en": ("quality of service", "qos", "quality of experience", "qoe"),
        "fr": ("qualite de service", "qualite d experience"),
        "es": ("calidad de servicio", "calidad de la experiencia"),
    },
    "numbering": {
        "en": ("numbering", "addressing", "naming"),
        "fr": ("numerotage", "adressage", "nommage"),
        "es": ("numeracion", "direccionamiento"),
    },
    "tariff": {
        "en": ("tariff", "tariffs", "charging", "accounting", "economic", "costs"),
        "fr": ("tarification", "tarifs", "taxation", "comptabilite", "economique", "couts"),
        "es": ("tarificacion", "tarifas", "tasacion", "contabilidad", "economico", "costos"),
    },
    "regulation": {
        "en": ("regulation", "regulatory", "policy", "policies"),
        "fr": ("reglementation", "reglementaire", "politique", "politiques"),
        "es": ("reglamentacion", "reglamentario", "politica", "politicas"),
    },
    "digital-financial": {
        "en": ("digital financial services", "mobile money", "financial inclusion"),
        "fr": ("services financiers numeriques", "inclusion financiere"),
        "es": ("servicios financieros digitales", "inclusion financiera"),
    },
    "ehealth": {
        "en": ("e-health", "ehealth", "health"),
        "fr": ("cybersante", "sante"),
        "es": ("cibersalud", "salud"),
    },
    "optical": {
        "en": ("optical fibre", "optical fiber", "fibre", "fiber", "optical"),
        "fr": ("fibre optique", "fibres optiques", "optique"),
        "es": ("fibra optica", "fibras opticas", "optico", "optica"),
    },
    "lightning": {
        "en": ("lightning", "surge", "overvoltage", "overvoltages"),
        "fr": ("foudre", "surtension", "surtensions"),
        "es": ("rayo", "rayos", "sobretension", "sobretensiones"),
    },
    "early-warning": {
        "en": ("early warning", "alerting", "public warning"),
        "fr": ("alerte avancee", "alerte precoce", "alerte"),
        "es": ("alerta temprana", "alerta"),
    },
    "artificial-intelligence": {
        "en": ("artificial intelligence", "machine learning", "ai"),
        "fr": ("intelligence artificielle", "apprentissage automatique", "ia"),
        "es": ("inteligencia artificial", "aprendizaje automatico", "ia"),
    },
    "conformance": {
        "en": ("conformance", "interoperability", "conformity"),
        "fr": ("conformite", "interoperabilite"),
        "es": ("conformidad", "interoperabilidad"),
    },
    "identity": {
        "en": ("identity management", "authentication", "trust"),
        "fr": ("gestion de l identite", "authentification", "confiance"),
        "es": ("gestion de identidad", "autenticacion", "confianza"),
    },
    "spam": {
        "en": ("spam", "countering spam"),
        "fr": ("spam", "lutte contre le spam"),
        "es": ("spam", "correo basura"),
    },
    "wireless": {
        "en": ("wireless", "radio access"),
        "fr": ("sans fil", "acces radioelectrique"),
        "es": ("inalambrico", "inalambrica", "acceso radioelectrico"),
    },
    "interference": {
        "en": ("interference", "interferences", "sharing", "coexistence"),
        "fr": ("brouillage", "brouillages", "partage", "coexistence"),
        "es": ("interferencia", "interferencias", "comparticion", "coexistencia"),
    },
    "maritime": {
        "en": ("maritime", "aeronautical"),
        "fr": ("maritime", "aeronautique"),
        "es": ("maritimo", "aeronautico"),
    },
    "video": {
        "en": ("video", "multimedia", "coding", "codec"),
        "fr": ("video", "multimedia", "codage"),
        "es": ("video", "multimedia", "codificacion"),
    },
    "cloud": {
        "en": ("cloud computing", "cloud", "data centre", "data center"),
        "fr": ("informatique en nuage", "nuage", "centre de donnees"),
        "es": ("computacion en la nube", "nube", "centro de datos"),
    },
    "counterfeit": {
        "en": ("counterfeit", "counterfeiting", "stolen", "theft", "anti-theft"),
        "fr": ("contrefaits", "contrefait", "contrefacon", "vol", "voles"),
        "es": ("falsificados", "falsificado", "falsificacion", "robo", "robados"),
    },
    "malware": {
        "en": ("malware", "botnet", "botnets", "malicious software"),
        "fr": ("logiciels malveillants", "logiciel malveillant", "reseaux zombies"),
        "es": ("programas maliciosos", "programa malicioso", "redes de robots"),
    },
    "e-services": {
        "en": ("telemedicine", "telehealth", "e-learning", "e-education", "remote learning"),
        "fr": ("telemedecine", "telesante", "apprentissage a distance", "education en ligne"),
        "es": ("telemedicina", "telesalud", "aprendizaje a distancia", "educacion electronica"),
    },
}
