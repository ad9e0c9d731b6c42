"""Folders of translations: a source file per locale, named for it (`de.js`, `pt_BR.js`,
`sr@latin.js`, `summernote-de-DE.js`), or a folder per locale holding the same files (Laravel's
`lang/de/validation.php`), or the one language a project ships (MyBB's `languages/english/`),
each the same table of messages in another language, kept whole on purpose (a locale loads
alone) and rewritten by a translation service, not by the team. As
packages they were fleets of hundreds of one-module consumers (ownCloud's `apps/*/l10n/*.js`,
1,100 of its 1,717 subsystems; Lychee's `lang/*/*.php`, 770 of 1,632); `radar init` keeps them out."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

# a locale's name: its language (ISO 639), then a region or script, a variant (`sr@latin`); after
# the library's name too (`summernote-de-DE`, `select2_locale_pt-BR`, `jquery.ui.datepicker-fr`);
# the region joined on in capitals too (naive-ui's `src/locales/common/deDE.ts`, `zhCN.ts`: 158
# one-module packages of its first scan)
LOCALE = re.compile(r"(?:.*[-_.])?([a-z]{2,3})(?:[A-Z]{2})?(?:[_-][A-Za-z0-9]{2,8})*(?:@[a-z]+)?")
# languages any translated project has: a folder naming five of them is one of translations, not
# of modules that happen to have short names (`io.js`, `os.py`, `ui.ts`)
COMMON = frozenset({"ar", "bg", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he", "hu", "id", "it",
                    "ja", "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr",
                    "uk", "vi", "zh"})
COMMON_LEAST = 5
SHARE = 0.8  # of a folder's source files named for a locale
# a project translated into one language only keeps it in a folder named for it, inside one named
# for translations: MyBB's `inc/languages/english/*.php` and `english/admin/*.php`, 104 message
# tables that had been as many one-module subsystems
TRANSLATIONS = frozenset({"languages", "language", "lang", "langs", "locale", "locales", "i18n", "l10n",
                          "translations"})
LANGUAGE_NAMES = frozenset({"english", "en", "en_us", "en-us", "en_gb", "en-gb"})


def translation_folders(sources: list[str]) -> tuple[tuple[str, str, int], ...]:
    """An exclude per folder of translations among `sources`, for the files just inside it of
    each suffix found, or just inside its folders where those are named for the locales: by the
    folder's name where no other folder so named holds such files (`**/l10n/*.js`; ownCloud's
    top `l10n/` holds the Perl script that syncs them), else by its path; with the source files
    each keeps out."""
    excludes: dict[str, int] = defaultdict(int)
    for depth, pattern in ((1, "*.{suffix}"), (2, "*/*.{suffix}")):
        for glob, n in _excludes(_held(sources, depth), pattern).items():
            excludes[glob] += n
    for glob, n in _one_language(sources).items():
        excludes[glob] += n
    most_first = sorted(excludes.items(), key=lambda item: (-item[1], item[0]))
    return tuple((glob, "translations", n) for glob, n in most_first)


def _one_language(sources: list[str]) -> dict[str, int]:
    """`**/languages/english/**`, by the names of a folder named for translations and the one
    named for English inside it (LANGUAGE_NAMES), wherever they are (bagisto's fifteen packages'
    `Resources/lang/en/`), with the source files they hold."""
    found: dict[str, int] = defaultdict(int)
    for path in sources:
        parts = path.split("/")[:-1]
        at = next((at for at in range(1, len(parts)) if parts[at].lower() in LANGUAGE_NAMES
                   and parts[at - 1].lower() in TRANSLATIONS), None)
        if at is not None:
            found[f"**/{parts[at - 1]}/{parts[at]}/**"] += 1
    return found


def _held(sources: list[str], depth: int) -> dict[str, list[str]]:
    """Each folder's names `depth` levels down to the source files just inside (a file's own
    name, or the folder holding it and the file's)."""
    held: dict[str, list[str]] = defaultdict(list)
    for path in sources:
        parts = path.split("/")
        if len(parts) > depth:
            held["/".join(parts[:-depth])].append("/".join(parts[-depth:]))
    return held


def _excludes(held: dict[str, list[str]], pattern: str) -> dict[str, int]:
    """By the folder's name, unless folders of that name hold other code of that suffix: then by
    its path; but where the name is one for translations and most folders of it hold them, the
    others of it are their wiring, by the name too (ringcentral-js-widgets' 187 `i18n/` folders:
    142 hold a module per locale, the other 45 only the `index.ts` loading them, which had been
    its first proposal)."""
    found = {folder for folder, names in held.items()
             if folder and _translations([_stem(name) for name in names]) and _tables_repeat(names)}
    kinds = {folder: {(folder.rpartition("/")[2], name.rpartition(".")[2]) for name in names}
             for folder, names in held.items() if folder}
    translated = Counter(kind for folder in found for kind in kinds[folder])
    others = Counter(kind for folder, held_kinds in kinds.items() if folder not in found for kind in held_kinds)
    wiring = {kind for kind, n in translated.items() if kind[0].lower() in TRANSLATIONS and n > others[kind]}
    excludes: dict[str, int] = defaultdict(int)
    for folder, names in held.items():
        name = folder.rpartition("/")[2]
        for suffix in (file.rpartition(".")[2] for file in names):
            if folder in found or (name, suffix) in wiring:
                where = f"{folder}/" if others[name, suffix] and (name, suffix) not in wiring else f"**/{name}/"
                excludes[where + pattern.format(suffix=suffix)] += 1
    return excludes


def _tables_repeat(names: list[str]) -> bool:
    """Whether, in a folder per locale, the locales hold the same tables (`de/validation.php`,
    `fr/validation.php`): most of the files have a name another locale's folder has too. Modules
    filed by language, one each (kotatsu-parsers' `site/en/AsuraScansParser.kt`), are no
    translations. A file per locale repeats nothing to ask about."""
    tables = [name.partition("/")[2] for name in names if "/" in name]
    if not tables:
        return True
    counts = Counter(tables)
    return 2 * sum(n for n in counts.values() if n > 1) >= len(tables)


def _stem(name: str) -> str:
    """What names the locale: a folder's name, or the file's before its first dot (`de.inc.php`)
    or, where that names none, before its suffix (Piwigo's `jquery.ui.datepicker-de.js`)."""
    first = name.partition("/")[0]
    stem = first.partition(".")[0]
    return stem if "/" in name or LOCALE.fullmatch(stem) else first.rpartition(".")[0]


def _translations(stems: list[str]) -> bool:
    languages = [match.group(1) for match in map(LOCALE.fullmatch, stems) if match]
    return len(languages) >= SHARE * len(stems) and len(COMMON.intersection(languages)) >= COMMON_LEAST
