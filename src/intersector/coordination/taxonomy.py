"""The default taxonomy: the subjects of mutual interest that Resolution 57 (Rev. Dubai, 2012)
lists in its considering b), with labels, descriptions and keywords in English, French and
Spanish. Used when the registry holds no Subject of its own; the registry's win when present.
Labels follow the resolution's wording; descriptions and keywords are this project's.
"""

from __future__ import annotations

from intersector.domain.registry import Subject

_SOURCE = "WTSA Resolution 57 (Rev. Dubai, 2012), considering b)"


def _subject(
    id_: str,
    labels: dict[str, str],
    description: dict[str, str],
    keywords: dict[str, tuple[str, ...]],
) -> Subject:
    return Subject(
        id=id_, labels=labels, description=description, keywords=keywords, source=_SOURCE
    )


RESOLUTION_57_SUBJECTS: tuple[Subject, ...] = (
    _subject(
        "emc",
        {
            "en": "Electromagnetic compatibility (EMC)",
            "fr": "Compatibilité électromagnétique",
            "es": "Compatibilidad electromagnética",
        },
        {
            "en": "Electromagnetic compatibility, interference from equipment and human exposure "
            "to electromagnetic fields.",
            "fr": "Compatibilité électromagnétique, brouillages causés par les équipements et "
            "exposition des personnes aux champs électromagnétiques.",
            "es": "Compatibilidad electromagnética, interferencias de los equipos y exposición de "
            "las personas a los campos electromagnéticos.",
        },
        {
            "en": (
                "electromagnetic compatibility",
                "emc",
                "electromagnetic field",
                "emf",
                "human exposure",
                "lightning",
                "immunity",
                "emission",
            ),
            "fr": (
                "compatibilite electromagnetique",
                "champs electromagnetiques",
                "exposition",
                "foudre",
            ),
            "es": ("compatibilidad electromagnetica", "campos electromagneticos", "exposicion"),
        },
    ),
    _subject(
        "imt",
        {
            "en": "International Mobile Telecommunications (IMT)",
            "fr": "Télécommunications mobiles internationales (IMT)",
            "es": "Telecomunicaciones Móviles Internacionales (IMT)",
        },
        {
            "en": "IMT-2000, IMT-Advanced, IMT-2020 and IMT-2030 mobile systems: radio interfaces, "
            "spectrum, networks and their deployment.",
            "fr": "Systèmes mobiles IMT-2000, IMT-Advanced, IMT-2020 et IMT-2030 : interfaces "
            "radioélectriques, spectre, réseaux et déploiement.",
            "es": "Sistemas móviles IMT-2000, IMT-Avanzadas, IMT-2020 e IMT-2030: interfaces "
            "radioeléctricas, espectro, redes y despliegue.",
        },
        {
            "en": (
                "imt",
                "imt-2000",
                "imt-2020",
                "imt-2030",
                "imt-advanced",
                "5g",
                "international mobile telecommunications",
            ),
            "fr": ("imt", "telecommunications mobiles internationales"),
            "es": ("imt", "telecomunicaciones moviles internacionales"),
        },
    ),
    _subject(
        "middleware",
        {"en": "Middleware", "fr": "Intergiciels", "es": "Middleware"},
        {
            "en": "Middleware for multimedia and IPTV terminals and applications.",
            "fr": "Intergiciels pour les terminaux et applications multimédias et de TVIP.",
            "es": "Middleware para terminales y aplicaciones multimedios y de TVIP.",
        },
        {
            "en": (
                "middleware",
                "application framework",
                "interactive tv applications",
                "interactive television applications",
                "declarative content format",
                "procedural content format",
            ),
            "fr": (
                "intergiciel",
                "intergiciels",
                "cadre d applications",
                "environnement d applications",
                "applications de television interactive",
            ),
            "es": (
                "middleware",
                "marco de aplicaciones",
                "entorno de aplicaciones",
                "aplicaciones de television interactiva",
            ),
        },
    ),
    _subject(
        "audiovisual-delivery",
        {
            "en": "Audiovisual delivery",
            "fr": "Diffusion audiovisuelle",
            "es": "Distribución audiovisual",
        },
        {
            "en": "Delivery of television, sound and audiovisual content: broadcasting, cable, "
            "IPTV, immersive media.",
            "fr": "Diffusion de contenus télévisuels, sonores et audiovisuels : radiodiffusion, "
            "câble, TVIP, médias immersifs.",
            "es": "Distribución de contenidos de televisión, sonido y audiovisuales: "
            "radiodifusión, cable, TVIP, medios inmersivos.",
        },
        {
            "en": (
                "iptv",
                "audiovisual",
                "cable television",
                "broadcasting",
                "television",
                "immersive",
            ),
            "fr": ("tvip", "audiovisuel", "audiovisuelle", "radiodiffusion", "television"),
            "es": ("tvip", "audiovisual", "radiodifusion", "television"),
        },
    ),
    _subject(
        "accessibility",
        {
            "en": "Accessibility for persons with disabilities",
            "fr": "Accessibilité pour les personnes handicapées",
            "es": "Accesibilidad para las personas con discapacidad",
        },
        {
            "en": "ICT accessibility for persons with disabilities and persons with specific "
            "needs: captioning, sign language, accessible terminals and services.",
            "fr": "Accessibilité des TIC pour les personnes handicapées et ayant des besoins "
            "particuliers : sous-titrage, langue des signes, terminaux et services "
            "accessibles.",
            "es": "Accesibilidad de las TIC para las personas con discapacidad y con necesidades "
            "específicas: subtitulado, lengua de señas, terminales y servicios accesibles.",
        },
        {
            "en": (
                "accessibility",
                "persons with disabilities",
                "captioning",
                "sign language",
                "specific needs",
                "hearing impaired",
                "hearing aid",
                "disabilities",
                "closed captions",
                "subtitles",
                "audio description",
                "older persons",
            ),
            "fr": (
                "accessibilite",
                "personnes handicapees",
                "handicap",
                "sous-titrage",
                "sous-titres",
                "langue des signes",
            ),
            "es": (
                "accesibilidad",
                "personas con discapacidad",
                "discapacidad",
                "subtitulado",
                "subtitulos",
                "lengua de senas",
            ),
        },
    ),
    _subject(
        "emergency-telecommunications",
        {
            "en": "Emergency communications",
            "fr": "Communications d'urgence",
            "es": "Comunicaciones de emergencia",
        },
        {
            "en": "Telecommunications for disaster prediction, early warning, relief and network "
            "recovery; public protection and emergency services.",
            "fr": "Télécommunications pour la prévision des catastrophes, l'alerte avancée, les "
            "secours et le rétablissement des réseaux ; protection du public et services "
            "d'urgence.",
            "es": "Telecomunicaciones para la predicción de catástrofes, la alerta temprana, el "
            "socorro y el restablecimiento de las redes; protección pública y servicios de "
            "emergencia.",
        },
        {
            "en": (
                "emergency",
                "disaster",
                "early warning",
                "public warning",
                "public protection",
                "disaster relief",
            ),
            "fr": ("urgence", "catastrophe", "catastrophes", "alerte", "secours"),
            "es": ("emergencia", "catastrofe", "catastrofes", "alerta temprana", "socorro"),
        },
    ),
    _subject(
        "climate-change",
        {
            "en": "ICTs and climate change",
            "fr": "TIC et changements climatiques",
            "es": "Las TIC y el cambio climático",
        },
        {
            "en": "ICTs, the environment and climate change: energy efficiency, greenhouse gas "
            "emissions, e-waste and the circular economy.",
            "fr": "TIC, environnement et changements climatiques : efficacité énergétique, "
            "émissions de gaz à effet de serre, déchets électroniques, économie circulaire.",
            "es": "TIC, medio ambiente y cambio climático: eficiencia energética, emisiones de "
            "gases de efecto invernadero, residuos electrónicos, economía circular.",
        },
        {
            "en": (
                "climate change",
                "climate",
                "energy efficiency",
                "greenhouse gas",
                "e-waste",
                "circular economy",
                "environmental",
                "energy saving",
                "energy management",
                "energy consumption",
                "renewable energy",
                "energy-efficient",
                "sustainability",
                "life cycle assessment",
            ),
            "fr": (
                "changements climatiques",
                "climat",
                "efficacite energetique",
                "gaz a effet de serre",
                "dechets electroniques",
                "environnement",
                "economies d energie",
                "consommation d energie",
                "durabilite",
            ),
            "es": (
                "cambio climatico",
                "clima",
                "eficiencia energetica",
                "efecto invernadero",
                "residuos electronicos",
                "medio ambiente",
                "ahorro de energia",
                "consumo de energia",
                "sostenibilidad",
            ),
        },
    ),
    _subject(
        "cybersecurity",
        {"en": "Cybersecurity", "fr": "Cybersécurité", "es": "Ciberseguridad"},
        {
            "en": "Security of networks, services and applications: cybersecurity, countering "
            "spam and malware, identity management and trust.",
            "fr": "Sécurité des réseaux, services et applications : cybersécurité, lutte contre "
            "le spam et les logiciels malveillants, gestion d'identité et confiance.",
            "es": "Seguridad de las redes, servicios y aplicaciones: ciberseguridad, lucha contra "
            "el correo basura y los programas maliciosos, gestión de identidad y confianza.",
        },
        {
            "en": (
                "cybersecurity",
                "security",
                "spam",
                "malware",
                "botnet",
                "identity management",
                "authentication",
            ),
            "fr": ("cybersecurite", "securite", "spam", "logiciels malveillants"),
            "es": ("ciberseguridad", "seguridad", "spam", "programas maliciosos"),
        },
    ),
)

# A subject's keyword used in another sense: when every word of one of these phrases is in a
# text, the keywords made only of its words do not count for the subject (E.845 "connection
# accessibility" is a quality-of-service measure, not accessibility for persons with
# disabilities). Applied by subject id, to the registry's subjects as well.
OTHER_SENSES: dict[str, dict[str, tuple[str, ...]]] = {
    "accessibility": {
        "en": ("connection accessibility", "service accessibility", "network accessibility"),
        "fr": ("accessibilite de la connexion", "accessibilite du service"),
        "es": ("accesibilidad de la conexion", "accesibilidad del servicio"),
    },
}
