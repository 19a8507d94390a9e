#include "testutil.h"

START_TEST(names_round_trip)
{
    pn_vocab vocabs[] = {PN_VOCAB_KIND, PN_VOCAB_TYPE, PN_VOCAB_STATUS, PN_VOCAB_INSTRUMENT};
    for (size_t v = 0; v < 4; v++) {
        ck_assert_uint_gt(pn_vocab_size(vocabs[v]), 0);
        for (size_t i = 0; i < pn_vocab_size(vocabs[v]); i++) {
            const char *name = pn_vocab_name(vocabs[v], (int)i);
            ck_assert_ptr_nonnull(name);
            ck_assert_ptr_nonnull(pn_vocab_meaning(vocabs[v], (int)i));
            ck_assert_int_eq(pn_vocab_parse(vocabs[v], name), (int)i);
        }
        ck_assert_ptr_null(pn_vocab_name(vocabs[v], -1));
        ck_assert_ptr_null(pn_vocab_name(vocabs[v], (int)pn_vocab_size(vocabs[v])));
    }
    ck_assert_int_eq(pn_vocab_size(PN_VOCAB_KIND), PN_KIND_COUNT);
    ck_assert_int_eq(pn_vocab_size(PN_VOCAB_INSTRUMENT), PN_INSTRUMENT_COUNT);
    ck_assert_str_eq(pn_instrument_name(PN_INSTRUMENT_SISTER_CITY), "sister-city");
    ck_assert_int_eq(pn_vocab_parse(PN_VOCAB_TYPE, "G2G"), -1);
}
END_TEST

START_TEST(suggestions)
{
    ck_assert_str_eq(pn_vocab_suggest(PN_VOCAB_INSTRUMENT, "sister_city"), "sister-city");
    ck_assert_str_eq(pn_vocab_suggest(PN_VOCAB_INSTRUMENT, "Sister City"), "sister-city");
    ck_assert_str_eq(pn_vocab_suggest(PN_VOCAB_TYPE, "G2G"), "g2g");
    ck_assert_str_eq(pn_vocab_suggest(PN_VOCAB_KIND, "organization"), "organisation");
    ck_assert_str_eq(pn_vocab_suggest(PN_VOCAB_STATUS, "implemnted"), "implemented");
    ck_assert_ptr_null(pn_vocab_suggest(PN_VOCAB_KIND, "municipality"));
}
END_TEST

START_TEST(spreadsheet_spellings)
{
    bool exact = false;
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "mou", &exact), PN_INSTRUMENT_MOU);
    ck_assert(exact);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "MoU", &exact), PN_INSTRUMENT_MOU);
    ck_assert(!exact);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "Sister City", NULL),
                     PN_INSTRUMENT_SISTER_CITY);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "sister_city", NULL),
                     PN_INSTRUMENT_SISTER_CITY);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_STATUS, "  Active ", NULL), PN_STATUS_ACTIVE);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_TYPE, "G2G", NULL), PN_TYPE_G2G);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_BASIS, "Recommended", NULL), PN_BASIS_RECOMMENDED);
    /* Only case, end spaces and the separator: a misspelling is not read. */
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "sister_cty", NULL), -1);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_INSTRUMENT, "sistercity", NULL), -1);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_KIND, "", NULL), -1);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_KIND, "   ", NULL), -1);
    ck_assert_int_eq(pn_vocab_match(PN_VOCAB_KIND, NULL, NULL), -1);
}
END_TEST

START_TEST(edit_distance)
{
    /* Textbook values. */
    ck_assert_uint_eq(pn_edit_distance("kitten", "sitting", 10), 3);
    ck_assert_uint_eq(pn_edit_distance("", "abc", 10), 3);
    ck_assert_uint_eq(pn_edit_distance("flaw", "lawn", 10), 2);
    ck_assert_uint_eq(pn_edit_distance("same", "same", 10), 0);
    /* Capped: beyond the cap the answer is cap + 1. */
    ck_assert_uint_eq(pn_edit_distance("kitten", "sitting", 1), 2);
}
END_TEST

START_TEST(governments_and_ladder)
{
    ck_assert(pn_kind_is_government(PN_KIND_CITY));
    ck_assert(pn_kind_is_government(PN_KIND_REGENCY));
    ck_assert(pn_kind_is_government(PN_KIND_MINISTRY));
    ck_assert(!pn_kind_is_government(PN_KIND_FIRM));
    ck_assert(!pn_kind_is_government(PN_KIND_ORGANISATION));
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_VISIT), 1);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_LOI), 2);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_MOU), 3);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_SISTER_CITY), 4);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_AGREEMENT), 5);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_PROGRAMME), 0);
    ck_assert_int_eq(pn_instrument_rung(PN_INSTRUMENT_NONE), 0);
}
END_TEST

START_TEST(countries)
{
    ck_assert(pn_country_valid("ID"));
    ck_assert(pn_country_valid("KR"));
    ck_assert(pn_country_valid("ZZ"));
    ck_assert(!pn_country_valid("XX"));
    ck_assert(!pn_country_valid("id"));
    ck_assert(!pn_country_valid("IDN"));
    ck_assert(!pn_country_valid(""));
    ck_assert_str_eq(pn_country_name("ID"), "Indonesia");
    ck_assert_str_eq(pn_country_name("SE"), "Sweden");
    ck_assert_str_eq(pn_country_name("ZZ"), "Unknown");
    ck_assert_ptr_null(pn_country_name("QQ"));
    /* Kosovo: the one user-assigned code accepted. */
    ck_assert(pn_country_valid("XK"));
    ck_assert_str_eq(pn_country_name("XK"), "Kosovo");
}
END_TEST

static const char *lookup(const char *text, pn_country_match want)
{
    pn_country_match how = (pn_country_match)-1;
    const char *code = pn_country_lookup(text, &how);
    ck_assert_msg(how == want, "%s: matched as %d, not %d", text, (int)how, (int)want);
    return code ? code : "(none)";
}

START_TEST(country_lookup)
{
    /* Codes: exact, then in another case or with spaces around. */
    ck_assert_str_eq(lookup("ID", PN_COUNTRY_CODE), "ID");
    ck_assert_str_eq(lookup("XK", PN_COUNTRY_CODE), "XK");
    ck_assert_str_eq(lookup("ZZ", PN_COUNTRY_CODE), "ZZ");
    ck_assert_str_eq(lookup("id", PN_COUNTRY_CODE_SPELLING), "ID");
    ck_assert_str_eq(lookup(" KR ", PN_COUNTRY_CODE_SPELLING), "KR");
    ck_assert_str_eq(lookup("zz", PN_COUNTRY_CODE_SPELLING), "ZZ");
    /* English, Indonesian, German, French, Korean names; case, accents and
     * separators folded. */
    ck_assert_str_eq(lookup("Indonesia", PN_COUNTRY_NAME), "ID");
    ck_assert_str_eq(lookup("Korea Selatan", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("KOREA-SELATAN", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Südkorea", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Sudkorea", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Corée du Sud", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("대한민국", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Jerman", PN_COUNTRY_NAME), "DE");
    ck_assert_str_eq(lookup("Deutschland", PN_COUNTRY_NAME), "DE");
    ck_assert_str_eq(lookup("Korea, Republic of", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Côte d\u2019Ivoire", PN_COUNTRY_NAME), "CI");
    ck_assert_str_eq(lookup("Cote d'Ivoire", PN_COUNTRY_NAME), "CI");
    ck_assert_str_eq(lookup("IDN", PN_COUNTRY_NAME), "ID");
    /* Aliases. */
    ck_assert_str_eq(lookup("UK", PN_COUNTRY_NAME), "GB");
    ck_assert_str_eq(lookup("England", PN_COUNTRY_NAME), "GB");
    ck_assert_str_eq(lookup("U.S.A.", PN_COUNTRY_NAME), "US");
    ck_assert_str_eq(lookup("Korsel", PN_COUNTRY_NAME), "KR");
    ck_assert_str_eq(lookup("Holland", PN_COUNTRY_NAME), "NL");
    ck_assert_str_eq(lookup("Türkiye", PN_COUNTRY_NAME), "TR");
    ck_assert_str_eq(lookup("Kosovo", PN_COUNTRY_NAME), "XK");
    /* An English name wins over a translation that gives it elsewhere
     * (Faroese "Samoa" is American Samoa). */
    ck_assert_str_eq(lookup("Samoa", PN_COUNTRY_NAME), "WS");
    /* Welsh gives "Gweriniaeth y Swdan" to both Sweden and Sudan. */
    ck_assert_str_eq(lookup("Gweriniaeth y Swdan", PN_COUNTRY_AMBIGUOUS), "(none)");
    ck_assert_str_eq(lookup("Korea", PN_COUNTRY_NONE), "(none)");
    ck_assert_str_eq(lookup("Atlantis", PN_COUNTRY_NONE), "(none)");
    ck_assert_str_eq(lookup("XX", PN_COUNTRY_NONE), "(none)");
    ck_assert_str_eq(lookup("", PN_COUNTRY_NONE), "(none)");
    ck_assert_str_eq(lookup("\xff\xfe", PN_COUNTRY_NONE), "(none)");
    ck_assert_ptr_null(pn_country_lookup(NULL, NULL));
    ck_assert_str_eq(pn_country_lookup("Jerman", NULL), "DE");
    /* Did you mean. */
    ck_assert_str_eq(pn_country_suggest("Indonesai"), "ID");
    ck_assert_str_eq(pn_country_suggest("Korea Selatn"), "KR");
    ck_assert_ptr_null(pn_country_suggest("Atlantis"));
    ck_assert_ptr_null(pn_country_suggest("Kor"));
    ck_assert_ptr_null(pn_country_suggest(NULL));
}
END_TEST

START_TEST(dates)
{
    pn_date d;
    char buf[16];
    ck_assert_int_eq(pn_date_parse("2016", &d), 0);
    ck_assert_int_eq(d.year, 2016);
    ck_assert_int_eq(d.month, 0);
    ck_assert_int_eq(pn_date_parse("2016-05-12", &d), 0);
    ck_assert_str_eq(pn_date_format(d, buf, sizeof(buf)), "2016-05-12");
    ck_assert_int_eq(pn_date_parse("2016-02-29", &d), 0);
    ck_assert_int_eq(pn_date_parse("2015-02-29", &d), PN_EINVAL);
    ck_assert_int_eq(pn_date_parse("2016-13", &d), PN_EINVAL);
    ck_assert_int_eq(pn_date_parse("16", &d), PN_EINVAL);
    ck_assert_int_eq(pn_date_parse("2016-5-1", &d), PN_EINVAL);
    pn_date a = {2016, 0, 0}, b = {2016, 5, 0}, c = {2017, 0, 0};
    ck_assert_int_lt(pn_date_compare(a, b), 0);
    ck_assert_int_lt(pn_date_compare(b, c), 0);
    ck_assert_int_eq(pn_date_compare(a, a), 0);
}
END_TEST

START_TEST(errors)
{
    ck_assert_str_eq(pn_strerror(PN_ENOMEM), "out of memory");
    ck_assert_str_eq(pn_err_name(PN_EDATA), "EDATA");
    ck_assert_str_eq(pn_strerror(-999), "unknown error");
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_diags_set_cap(d, 2);
    for (int i = 0; i < 5; i++)
        pn_diags_add(d, PN_SEVERITY_ERROR, "f.json", i + 1, 3, "ties[0].to", "x", "m%d", i);
    pn_diags_add(d, PN_SEVERITY_WARNING, "f.json", 9, 0, NULL, NULL, "w");
    ck_assert_uint_eq(pn_diags_count(d), 2);
    ck_assert_uint_eq(pn_diags_errors(d), 5);
    ck_assert_uint_eq(pn_diags_warnings(d), 1);
    char line[128];
    pn_diag_format(pn_diags_get(d, 1), line, sizeof(line));
    ck_assert_str_eq(line, "f.json:2:3: error: ties[0].to: m1");
    pn_diags_clear(d);
    ck_assert_uint_eq(pn_diags_count(d), 0);
    pn_diags_free(d);
    pn_diags_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("vocab");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, suggestions);
    tcase_add_test(tc, spreadsheet_spellings);
    tcase_add_test(tc, edit_distance);
    tcase_add_test(tc, governments_and_ladder);
    tcase_add_test(tc, countries);
    tcase_add_test(tc, country_lookup);
    tcase_add_test(tc, dates);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
