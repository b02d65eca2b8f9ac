"""The report's words in Swedish and English; numbers are formatted the reader's way.

Swedish readers expect a decimal comma ("3,4"); the exports keep a decimal point so
spreadsheets and scripts read them unchanged.
"""

from __future__ import annotations

LANGS = ("sv", "en")

TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Digital mognad i offentlig sektor",
        "ranking": "Rangordning",
        "trends": "Utveckling",
        "profiles": "Profiler",
        "data": "Data",
        "org": "Organisation",
        "rank": "Plats",
        "overall": "Totalt",
        "change": "Förändring",
        "coverage": "Täckning",
        "intro": "Poängen visar hur digitalt mogna webbplatserna är på studiens skala 0–5, i fem "
                 "dimensioner. De räknas fram automatiskt ur det som en webbläsare såg vid "
                 "genomsökningen; täckningen visar hur stor del av kriterierna som kunde mätas. "
                 "Klicka på en organisation för att se varje kriterium och dess belägg. "
                 "Klicka på en kolumnrubrik för att sortera.",
        "crawl": "Genomsökning",
        "map": "Kriteriekarta",
        "started": "startad",
        "previous": "jämfört med genomsökning",
        "no_previous": "Ingen tidigare genomsökning att jämföra med.",
        "per_dimension": "Per dimension",
        "profile": "Profil över de fem dimensionerna",
        "trend_overall": "Totalpoäng över tid",
        "trend_dim": "Över tid",
        "trend_note": "Varje punkt är en lagrad genomsökning.",
        "trend_top": "De {n} organisationer som har högst totalpoäng visas, och medelvärdet för alla.",
        "mean": "Medelvärde",
        "exports": "Exporter",
        "exports_note": "Samma siffror som tabellerna, för kalkylark och skript (decimalpunkt, 0–5).",
        "scores_csv": "Poäng per organisation (CSV)",
        "scores_json": "Poäng per organisation med kriterier (JSON)",
        "criteria_csv": "Kriterieresultat (CSV)",
        "trend_csv": "Poäng per genomsökning (CSV)",
        "criterion": "Kriterium",
        "outcome": "Utfall",
        "score": "Poäng",
        "weight": "Vikt",
        "evidence": "Belägg",
        "more": "och {n} till",
        "no_evidence": "Inga belägg.",
        "selector": "Väljare",
        "screenshots": "Skärmbilder",
        "desktop": "Dator",
        "mobile": "Mobil",
        "no_screenshot": "Ingen skärmbild sparad.",
        "pruned": "Skärmbilden har gallrats.",
        "changes": "Vad har ändrats",
        "no_changes": "Inga förändringar i poängen.",
        "cause_site": "ändring på webbplatsen",
        "cause_probe": "ny version av proben {probes}",
        "cause_map": "ny kriteriekarta {old} → {new}",
        "site_status": "Status",
        "site_failed": "Webbplatsen kunde inte genomsökas",
        "pages": "sidor",
        "back": "Till rangordningen",
        "crawled_pages": "Genomsökta sidor",
        "page_title": "Sidans titel",
        "manual": "Manuell bedömning",
        "generated": "Skapad av maturity {version} från genomsökning {crawl} ({date}), kriteriekarta {map}.",
        "computed": "Poängen räknades fram ur lagrade belägg när rapporten skapades.",
        "not_measured": "ej mätt",
        "sort_hint": "Sortera",
        "outcome.pass": "uppfyllt",
        "outcome.partial": "delvis",
        "outcome.fail": "ej uppfyllt",
        "outcome.review": "granskas",
        "outcome.not_applicable": "ej tillämpligt",
        "outcome.missing": "saknas",
        "outcome.error": "kunde inte mätas",
    },
    "en": {
        "title": "Digital maturity in the public sector",
        "ranking": "Ranking",
        "trends": "Trends",
        "profiles": "Profiles",
        "data": "Data",
        "org": "Organisation",
        "rank": "Rank",
        "overall": "Overall",
        "change": "Change",
        "coverage": "Coverage",
        "intro": "Scores show how digitally mature the websites are on the study's 0–5 scale, in "
                 "five dimensions. They are derived automatically from what a browser saw during "
                 "the crawl; coverage is the share of the criteria that could be measured. "
                 "Click an organisation to see every criterion and its evidence. "
                 "Click a column heading to sort.",
        "crawl": "Crawl",
        "map": "Criteria map",
        "started": "started",
        "previous": "compared with crawl",
        "no_previous": "No earlier crawl to compare with.",
        "per_dimension": "By dimension",
        "profile": "Profile over the five dimensions",
        "trend_overall": "Overall score over time",
        "trend_dim": "Over time",
        "trend_note": "Each point is a stored crawl.",
        "trend_top": "The {n} organisations with the highest overall score are shown, and the mean of all.",
        "mean": "Mean",
        "exports": "Exports",
        "exports_note": "The same numbers as the tables, for spreadsheets and scripts (decimal point, 0–5).",
        "scores_csv": "Scores per organisation (CSV)",
        "scores_json": "Scores per organisation with criteria (JSON)",
        "criteria_csv": "Criterion results (CSV)",
        "trend_csv": "Scores per crawl (CSV)",
        "criterion": "Criterion",
        "outcome": "Outcome",
        "score": "Score",
        "weight": "Weight",
        "evidence": "Evidence",
        "more": "and {n} more",
        "no_evidence": "No evidence.",
        "selector": "Selector",
        "screenshots": "Screenshots",
        "desktop": "Desktop",
        "mobile": "Mobile",
        "no_screenshot": "No screenshot stored.",
        "pruned": "The screenshot has been pruned.",
        "changes": "What changed",
        "no_changes": "No change in the scores.",
        "cause_site": "a change on the site",
        "cause_probe": "a new version of the probe {probes}",
        "cause_map": "a new criteria map {old} → {new}",
        "site_status": "Status",
        "site_failed": "The site could not be crawled",
        "pages": "pages",
        "back": "Back to the ranking",
        "crawled_pages": "Crawled pages",
        "page_title": "Page title",
        "manual": "Manual verdict",
        "generated": "Generated by maturity {version} from crawl {crawl} ({date}), criteria map {map}.",
        "computed": "Scores were derived from the stored evidence when the report was built.",
        "not_measured": "not measured",
        "sort_hint": "Sort",
        "outcome.pass": "met",
        "outcome.partial": "partly",
        "outcome.fail": "not met",
        "outcome.review": "needs review",
        "outcome.not_applicable": "not applicable",
        "outcome.missing": "missing",
        "outcome.error": "could not be measured",
    },
}


class Words:
    """Lookup and number formatting for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
        self.lang = lang
        self.text = TEXT[lang]

    def __call__(self, key: str, **kw: object) -> str:
        s = self.text.get(key, key)
        return s.format(**kw) if kw else s

    def num(self, value: float | None, digits: int = 1, sign: bool = False) -> str:
        if value is None:
            return "–"
        s = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
        s = s.replace("-", "−")
        return s.replace(".", ",") if self.lang == "sv" else s

    def pct(self, value: float | None) -> str:
        return "–" if value is None else f"{value * 100:.0f}\u00a0%"

    def outcome(self, outcome: str) -> str:
        return self.text.get(f"outcome.{outcome}", outcome)
