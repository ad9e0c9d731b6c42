"""Which folders init reads as translations, a file per locale (translations.py)."""
from hypothesis import given
from hypothesis import strategies as st

from radar.commands.translations import COMMON, COMMON_LEAST, translation_folders

LOCALES = ("de", "fr", "es", "it", "ja", "pt_BR", "ru", "zh-Hans", "sr@latin", "nb_NO")


def test_a_folder_of_a_file_per_locale_is_kept_out_by_its_name_and_suffix():
    sources = [f"apps/{app}/l10n/{locale}.js" for app in ("files", "dav") for locale in LOCALES]
    sources += ["apps/files/lib/Activity.php", "l10n/l10n.py"]  # the sync script is no translation
    assert translation_folders(sources) == (("**/l10n/*.js", "translations", 20),)


def test_a_folder_named_as_another_that_holds_code_of_that_suffix_is_kept_out_by_its_path():
    sources = [f"web/locale/{locale}.js" for locale in LOCALES] + ["src/locale/index.js", "src/locale/format.js"]
    assert translation_folders(sources) == (("web/locale/*.js", "translations", 10),)


def test_library_prefixed_locale_names_are_translations():
    sources = [f"public/js/summernote/lang/summernote-{locale.replace('_', '-')}.js" for locale in LOCALES]
    assert translation_folders(sources) == (("**/lang/*.js", "translations", 10),)


def test_locale_names_after_a_dotted_library_name_are_translations():
    """Piwigo's jQuery UI and colorbox translations, `jquery.ui.datepicker-de.js` and
    `jquery.colorbox-de.js`: 145 one-module packages before, their names cut at the first dot."""
    sources = [f"js/ui/i18n/jquery.ui.datepicker-{locale.replace('_', '-')}.js" for locale in LOCALES]
    sources += [f"js/colorbox/i18n/jquery.colorbox-{locale}.js" for locale in LOCALES] + ["js/ui/i18n/jquery-ui-i18n.js"]
    assert translation_folders(sources) == (("**/i18n/*.js", "translations", 21),)


def test_a_region_joined_on_in_capitals_names_a_locale_too():
    """naive-ui's `src/locales/common/deDE.ts`, `zhCN.ts` … and `src/locales/date/deDE.ts`: 158
    one-module packages of its first scan. A camel-case module name is none (`isOk.ts`)."""
    regions = ("deDE", "frFR", "esAR", "itIT", "jaJP", "ptBR", "ruRU", "zhCN", "nbNO", "enUS")
    sources = [f"src/locales/common/{locale}.ts" for locale in regions] + ["src/locales/index.ts"]
    assert translation_folders(sources) == (("**/common/*.ts", "translations", 10),)
    modules = [f"src/utils/{name}.ts" for name in ("isOk", "deBounce", "frFrame", "esModule", "itItem", "jaJump")]
    assert translation_folders(modules) == ()


def test_fewer_common_languages_than_needed_make_no_translations():
    sources = [f"net/{name}.js" for name in ("io", "os", "ui", "fs", "db", "vm", "ws", "ip", "id", "it")]
    assert translation_folders(sources) == ()


@given(st.lists(st.from_regex(r"[a-z]{2,12}", fullmatch=True).filter(lambda name: name not in COMMON),
                min_size=1, max_size=40))
def test_a_folder_naming_no_common_language_is_never_translations(names):
    """Short module names (`io`, `os`, `app`, `cli` …) are no locales unless five common
    languages are among them."""
    assert translation_folders([f"src/{name}.py" for name in names]) == ()


@given(st.sets(st.sampled_from(sorted(COMMON)), min_size=COMMON_LEAST, max_size=len(COMMON)),
       st.sampled_from(("js", "ts", "php", "py", "java")))
def test_any_five_common_languages_make_a_folder_of_translations(languages, suffix):
    found = translation_folders([f"i18n/{language}.{suffix}" for language in languages])
    assert found == ((f"**/i18n/*.{suffix}", "translations", len(languages)),)


def test_a_folder_of_a_folder_per_locale_is_kept_out_with_the_files_inside_them():
    """Laravel's `lang/de/validation.php`: Lychee's 22 locales had been 770 one-module subsystems."""
    sources = [f"lang/{locale}/{table}.php" for locale in LOCALES for table in ("auth", "validation", "gallery")]
    sources += ["app/Models/Photo.php", "app/Http/Controllers/AlbumController.php"]
    assert translation_folders(sources) == (("**/lang/*/*.php", "translations", 30),)


def test_the_one_language_a_project_ships_in_a_folder_of_translations_is_kept_out():
    """MyBB: `inc/languages/english/*.php` and `english/admin/*.php`, 104 message tables, had been
    as many one-module subsystems. A folder named `english` elsewhere is code."""
    sources = [f"inc/languages/english/{table}.lang.php" for table in ("global", "forum", "member")]
    sources += ["inc/languages/english/admin/home.lang.php", "inc/class_core.php", "tools/english/speller.php"]
    sources += ["packages/Core/src/Resources/lang/en/app.php", "packages/Shop/src/Resources/lang/en/app.php"]
    assert translation_folders(sources) == (("**/languages/english/**", "translations", 4),
                                            ("**/lang/en/**", "translations", 2))


def test_folders_of_code_with_short_names_are_no_locales():
    sources = [f"pkg/{name}/{module}.go" for name in ("io", "os", "ui", "fs", "db", "vm", "ws", "ip", "id", "it")
               for module in ("read", "write")]
    assert translation_folders(sources) == ()


def test_the_wiring_of_translations_in_a_folder_named_as_most_that_hold_them_is_kept_out_too():
    """ringcentral-js-widgets: 142 of its 187 `i18n/` folders hold a module per locale beside the
    `index.ts` loading them; the other 45 hold only that `index.ts` (their locales written at
    build time), and twelve components' copies of it were its first proposal."""
    sources = [f"components/{c}/i18n/{locale}.ts" for c in ("Dial", "Call", "Log") for locale in LOCALES]
    sources += [f"components/{c}/i18n/index.ts" for c in ("Dial", "Call", "Log", "Meeting", "Video")]
    assert translation_folders(sources) == (("**/i18n/*.ts", "translations", 35),)


def test_a_folder_per_language_of_different_modules_is_no_translation():
    """kotatsu-parsers: `site/en/AsuraScansParser.kt`, `site/fr/…`, one manga site's parser each,
    filed by the site's language: its 1,000 parsers had been kept out as translations (288 of its
    1,365 files read). A folder per locale holds the same tables under each."""
    sources = [f"site/{locale}/{locale.title()}Site{n}Parser.kt" for locale in LOCALES for n in range(3)]
    sources += [f"lang/{locale}/{table}.php" for locale in LOCALES for table in ("auth", "validation")]
    assert translation_folders(sources) == (("**/lang/*/*.php", "translations", 20),)
