"""Folders of translations: a source file per locale, named for it (`de.js`, `pt_BR.js`,
`sr@latin.js`, `summernote-de-DE.js`), each the same table of messages in another language, kept whole on purpose (a
locale loads alone) and rewritten by a translation service, not by the team. As packages they
were fleets of hundreds of one-module consumers (ownCloud's `apps/*/l10n/*.js`, 1,100 of its
1,717 subsystems; freescout's vendored libraries' `locale/*.js`); `radar init` keeps them out."""
from __future__ import annotations

import re
from collections import defaultdict

# a locale's name: its language (ISO 639), then a region or script, a variant (`sr@latin`); after
# the library's name too (`summernote-de-DE`, `select2_locale_pt-BR`, `datepicker.fr`)
LOCALE = re.compile(r"(?:.*[-_.])?([a-z]{2,3})(?:[_-][A-Za-z0-9]{2,8})*(?:@[a-z]+)?")
# languages any translated project has: a folder naming five of them is one of translations, not
# of modules that happen to have short names (`io.js`, `os.py`, `ui.ts`)
COMMON = frozenset({"ar", "bg", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he", "hu", "id", "it",
                    "ja", "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr",
                    "uk", "vi", "zh"})
COMMON_LEAST = 5
SHARE = 0.8  # of a folder's source files named for a locale


def translation_folders(sources: list[str]) -> tuple[tuple[str, str, int], ...]:
    """An exclude per folder of translations among `sources`, for the files just inside it of
    each suffix found: by the folder's name where no other folder so named holds such files
    (`**/l10n/*.js`; ownCloud's top `l10n/` holds the Perl script that syncs them), else by its
    path; with the source files each keeps out."""
    held: dict[str, list[str]] = defaultdict(list)  # the names of the files just inside each folder
    for path in sources:
        folder, _, name = path.rpartition("/")
        held[folder].append(name)
    found = {folder for folder, names in held.items()
             if folder and _translations([name.partition(".")[0] for name in names])}
    others = {(folder.rpartition("/")[2], name.rpartition(".")[2]) for folder, names in held.items()
              if folder not in found for name in names}
    excludes: dict[str, int] = defaultdict(int)
    for folder in found:
        name = folder.rpartition("/")[2]
        for suffix in (file.rpartition(".")[2] for file in held[folder]):
            excludes[f"{folder}/*.{suffix}" if (name, suffix) in others else f"**/{name}/*.{suffix}"] += 1
    most_first = sorted(excludes.items(), key=lambda item: (-item[1], item[0]))
    return tuple((glob, "translations", n) for glob, n in most_first)


def _translations(stems: list[str]) -> bool:
    languages = [match.group(1) for match in map(LOCALE.fullmatch, stems) if match]
    return len(languages) >= SHARE * len(stems) and len(COMMON.intersection(languages)) >= COMMON_LEAST
