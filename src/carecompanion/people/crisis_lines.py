"""The built-in crisis lines, a short list per country, offered once at first run.

Every number here was checked against a published source (listed with the date in
docs/crisis-lines.md, and kept on each line as ``source_url``). Numbers change: the person's
copy in the vault is editable, and the docs say how to update this list. A country whose
numbers could not be verified is left out rather than guessed; "OTHER" only points to the
local emergency number.
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_AN_EMERGENCY_SERVICE = (
    "CareCompanion is not an emergency service and cannot call for help. If you or someone "
    "else is in danger right now, call {emergency}."
)
LOCAL_EMERGENCY = "your local emergency number"
OTHER = "OTHER"


@dataclass(frozen=True)
class CrisisLine:
    """A crisis line as shipped (the editable copy in the vault is a ``CrisisResource``)."""

    name: str
    phone: str = ""
    text_number: str = ""  # where to send a text message, if the line takes them
    url: str = ""
    hours: str = ""
    description: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class CrisisCountry:
    code: str  # ISO 3166-1 alpha-2, or OTHER
    name: str
    emergency_number: str  # "" when unknown (OTHER)
    lines: tuple[CrisisLine, ...]
    emergency_source_url: str = ""


_SAMARITANS = CrisisLine(
    name="Samaritans",
    phone="116 123",
    url="https://www.samaritans.org",
    hours="24/7",
    description="Free to call, day or night, to talk about anything that is troubling you. "
    "E-mail: jo@samaritans.org.",
    source_url="https://www.samaritans.org/how-we-can-help/contact-samaritan/",
)

COUNTRIES: dict[str, CrisisCountry] = {
    country.code: country
    for country in (
        CrisisCountry(
            "US",
            "United States",
            "911",
            (
                CrisisLine(
                    name="988 Suicide & Crisis Lifeline",
                    phone="988",
                    text_number="988",
                    url="https://988lifeline.org",
                    hours="24/7",
                    description="Call or text 988, or chat at 988lifeline.org: free, confidential "
                    "support in emotional distress or a suicidal crisis, for yourself or "
                    "someone you are worried about.",
                    source_url="https://health.wyo.gov/publichealth/prevention/wivpp/"
                    "suicide-prevention/988-suicide-crisis-lifeline",
                ),
            ),
            emergency_source_url="https://health.wyo.gov/publichealth/prevention/wivpp/"
            "suicide-prevention/988-suicide-crisis-lifeline",
        ),
        CrisisCountry(
            "CA",
            "Canada",
            "911",
            (
                CrisisLine(
                    name="9-8-8: Suicide Crisis Helpline",
                    phone="988",
                    text_number="988",
                    hours="24/7",
                    description="Call or text 988, free, in English or French, if you are thinking "
                    "about suicide or worried about someone.",
                    source_url="https://mentalhealthcommission.ca/catalyst/988-launches-in-canada/",
                ),
            ),
            emergency_source_url="https://mentalhealthcommission.ca/catalyst/"
            "988-launches-in-canada/",
        ),
        CrisisCountry(
            "GB",
            "United Kingdom",
            "999",
            (_SAMARITANS,),
            emergency_source_url="https://www.wellingtonpractice.co.uk/emergency-information/",
        ),
        CrisisCountry(
            "IE",
            "Ireland",
            "112 or 999",
            (_SAMARITANS,),
            emergency_source_url="https://www2.hse.ie/emergencies/when-to-call-112-or-999/",
        ),
        CrisisCountry(
            "AU",
            "Australia",
            "000",
            (
                CrisisLine(
                    name="Lifeline",
                    phone="13 11 14",
                    text_number="0477 13 11 14",
                    url="https://www.lifeline.org.au",
                    hours="24/7",
                    description="Crisis support and suicide prevention by phone, text or online "
                    "chat. "
                    "Calls from mobiles are free.",
                    source_url="https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/",
                ),
            ),
            emergency_source_url="https://lifelineh2h.org.au/get-help/telephone-crisis-support/"
            "faqs/",
        ),
        CrisisCountry(
            "NZ",
            "New Zealand",
            "111",
            (
                CrisisLine(
                    name="1737, Need to talk?",
                    phone="1737",
                    text_number="1737",
                    url="https://www.1737.org.nz",
                    hours="24/7",
                    description="Free call or text any time to talk with a trained counsellor.",
                    source_url="https://www.pegasus.health.nz/?p=6300",
                ),
            ),
            emergency_source_url="https://www.globelink.co.uk/articles/country-information/"
            "travelling-to-new-zealand/"
            "telephone-and-postal-services-in-new-zealand.html",
        ),
        CrisisCountry(
            "DE",
            "Deutschland",
            "112",
            (
                CrisisLine(
                    name="TelefonSeelsorge",
                    phone="0800 111 0 111",
                    url="https://www.telefonseelsorge.de",
                    hours="24/7",
                    description="Kostenlos und anonym, rund um die Uhr; auch 0800 111 0 222, Chat "
                    "und "
                    "E-Mail über die Website.",
                    source_url="https://www.domradio.de/glossar/telefonseelsorge-0",
                ),
            ),
            emergency_source_url="https://www2.hse.ie/emergencies/when-to-call-112-or-999/",
        ),
        CrisisCountry(
            "FR",
            "France",
            "112",
            (
                CrisisLine(
                    name="3114 – numéro national de prévention du suicide",
                    phone="3114",
                    url="https://3114.fr",
                    hours="24/7",
                    description="Gratuit et confidentiel, 24h/24 et 7j/7, pour vous ou pour un "
                    "proche.",
                    source_url="https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/",
                ),
            ),
            emergency_source_url="https://www2.hse.ie/emergencies/when-to-call-112-or-999/",
        ),
        CrisisCountry(
            "NL",
            "Nederland",
            "112",
            (
                CrisisLine(
                    name="113 Zelfmoordpreventie",
                    phone="113",
                    url="https://www.113.nl",
                    hours="24/7",
                    description="Gratis en anoniem bellen met 113 of 0800-0113, of chatten via "
                    "113.nl.",
                    source_url="https://www.upday.com/nl/binnenland/"
                    "nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt",
                ),
            ),
            emergency_source_url="https://www2.hse.ie/emergencies/when-to-call-112-or-999/",
        ),
        CrisisCountry(OTHER, "Another country", "", ()),
    )
}

# Which built-in list a locale suggests at first run ("en_GB" -> GB); the person confirms.
_LANGUAGE_DEFAULTS = {"de": "DE", "fr": "FR", "nl": "NL"}


def suggested_country(locale_name: str) -> str:
    """A country code for a locale name such as "en_GB" or "de-AT"; OTHER when none fits."""
    language, _sep, region = locale_name.replace("-", "_").partition("_")
    region = region[:2].upper()
    if region in COUNTRIES:
        return region
    if not region:
        return _LANGUAGE_DEFAULTS.get(language.lower(), OTHER)
    return OTHER
