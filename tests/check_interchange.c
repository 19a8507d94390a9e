/* Interchange: CSV, GraphML and GEXF in and out, merge.
 *
 * The round trips compare canonical JSON bytes (pn_dataset_save_buffer) of
 * the dataset before and after, so that any field lost or changed fails.
 * What a format cannot hold (docs/formats.md, "What each format loses") is
 * tested below too, so that the documentation stays true:
 *   - CSV: an empty string in a known text field (note, region, url) reads
 *     back as absent; a list holding one empty item reads back as no list.
 *   - GraphML and GEXF: characters XML 1.0 cannot hold (control characters
 *     other than tab, LF and CR; U+FFFE, U+FFFF) are refused (check_graphml).
 *   - GEXF reads back whole (tests/cli_gexf.sh, check_gexf.c): its edges'
 *     start and end widen dates to days, but the attributes keep them.
 */
#include <dirent.h>
#include <stdarg.h>
#include <sys/stat.h>

#include "testutil.h"
/* pn__ix_keys, the collector of extra fields the writers share. */
#include "../libgraph/src/formats/interchange_private.h"

static char *canon(const pn_dataset *ds)
{
    char *s = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &s, NULL), 0);
    return s;
}

static char *diag_text(const pn_diags *d)
{
    size_t cap = 65536, used = 0;
    char *text = calloc(1, cap);
    for (size_t i = 0; i < pn_diags_count(d) && used < cap - 2; i++) {
        used += (size_t)pn_diag_format(pn_diags_get(d, i), text + used, cap - used);
        if (used < cap - 1)
            text[used++] = '\n';
    }
    return text;
}

/* Export every table, import them back (tables told apart by header). */
static pn_dataset *through_csv(const pn_dataset *ds, char delim, pn_diags *d)
{
    pn_csv_input in[PN_CSV_TABLE_COUNT];
    char *data[PN_CSV_TABLE_COUNT];
    /* Out of order on purpose: the header says which table is which. */
    static const pn_csv_table order[] = {PN_CSV_TIES, PN_CSV_DATASET, PN_CSV_ACTORS,
                                         PN_CSV_SOURCES};
    for (int i = 0; i < PN_CSV_TABLE_COUNT; i++) {
        size_t len = 0;
        ck_assert_int_eq(pn_csv_write(ds, order[i], delim, &data[i], &len), 0);
        in[i].name = pn_csv_table_name(order[i]);
        in[i].data = data[i];
        in[i].len = len;
        in[i].table = PN_CSV_DETECT;
    }
    pn_dataset *back = NULL;
    int rc = pn_csv_load(&back, in, PN_CSV_TABLE_COUNT, NULL, d);
    if (rc != 0) {
        char *t = diag_text(d);
        fprintf(stderr, "%s", t);
        free(t);
    }
    ck_assert_int_eq(rc, 0);
    for (int i = 0; i < PN_CSV_TABLE_COUNT; i++)
        free(data[i]);
    return back;
}

static pn_dataset *through_graphml(const pn_dataset *ds, pn_diags *d)
{
    char *xml = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_graphml_write(ds, &xml, &len), 0);
    ck_assert_uint_eq(strlen(xml), len);
    pn_dataset *back = NULL;
    int rc = pn_graphml_load(&back, xml, len, NULL, d);
    if (rc != 0) {
        char *t = diag_text(d);
        fprintf(stderr, "%s", t);
        free(t);
    }
    ck_assert_int_eq(rc, 0);
    free(xml);
    return back;
}

static void roundtrip_file(const char *path)
{
    pn_dataset *ds = tu_load_file(path);
    char *want = canon(ds);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    static const char delims[] = {',', ';', '\t'};
    /* Large datasets (twintowns-de: 3 MB) once, to keep the suite fast. */
    size_t ndelims = strlen(want) > (1u << 20) ? 1 : sizeof(delims);
    for (size_t k = 0; k < ndelims; k++) {
        pn_dataset *back = through_csv(ds, delims[k], d);
        char *got = canon(back);
        ck_assert_msg(strcmp(want, got) == 0, "%s: JSON -> CSV (%c) -> JSON differs", path,
                      delims[k]);
        free(got);
        pn_dataset_free(back);
    }
    pn_dataset *back = through_graphml(ds, d);
    char *got = canon(back);
    ck_assert_msg(strcmp(want, got) == 0, "%s: JSON -> GraphML -> JSON differs", path);
    free(got);
    pn_dataset_free(back);
    free(want);
    pn_diags_free(d);
    pn_dataset_free(ds);
}

START_TEST(roundtrip_everything)
{
    roundtrip_file(PN_TEST_DATA "/roundtrip/everything.json");
}
END_TEST

START_TEST(roundtrip_datasets)
{
    DIR *dp = opendir(PN_DATASETS);
    ck_assert_ptr_nonnull(dp);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", PN_DATASETS, e->d_name);
        struct stat st;
        /* Under valgrind a 3 MB round trip takes minutes: the ASan build covers it. */
        if (getenv("PN_UNDER_VALGRIND") && stat(path, &st) == 0 && st.st_size > (1 << 20)) {
            fprintf(stderr, "check_interchange: %s skipped under valgrind\n", e->d_name);
            continue;
        }
        roundtrip_file(path);
        n++;
    }
    closedir(dp);
    ck_assert_uint_ge(n, 2); /* tangsel.json and bandung.json at least */
}
END_TEST

/* The losses docs/formats.md names. */
START_TEST(documented_losses)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\\u0001B\", \"kind\": \"city\", \"country\": \"ID\","
        " \"note\": \"\", \"aliases\": [\"\"]},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\"}]}");
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *back = through_csv(ds, ',', d);
    const pn_actor *a = pn_dataset_actor(back, 0);
    ck_assert_ptr_null(a->note);        /* "" -> absent */
    ck_assert_uint_eq(a->n_aliases, 0); /* [""] -> none */
    ck_assert_str_eq(a->name, "A\x01"
                              "B"); /* CSV holds control characters */
    pn_dataset_free(back);
    char *xml = NULL;
    ck_assert_int_eq(pn_graphml_write(ds, &xml, NULL), PN_EDATA); /* XML cannot: refused */
    pn_dataset_free(ds);
    ds = tu_load_text("{\"paranet\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\","
                      " \"kind\": \"city\", \"country\": \"ID\", \"note\": \"\"}], \"ties\": []}");
    back = through_graphml(ds, d);
    ck_assert_str_eq(pn_dataset_actor(back, 0)->note, ""); /* GraphML keeps "" */
    pn_dataset_free(back);
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

static int csv_load2(const char *actors, const char *ties, pn_diags *d, pn_dataset **out)
{
    pn_csv_input in[2] = {{"actors.csv", actors, strlen(actors), PN_CSV_DETECT},
                          {"ties.csv", ties, strlen(ties), PN_CSV_DETECT}};
    return pn_csv_load(out, in, 2, NULL, d);
}

static void expect_csv_error(const char *actors, const char *ties, const char *line)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(csv_load2(actors, ties, d, &ds), PN_EDATA);
    ck_assert_ptr_null(ds);
    char *text = diag_text(d);
    ck_assert_msg(strstr(text, line) != NULL, "wanted:\n%s\ngot:\n%s", line, text);
    free(text);
    pn_diags_free(d);
}

static const char actors_ok[] = "id,name,kind,country\n"
                                "tangsel,Kota Tangerang Selatan,city,ID\n"
                                "daejeon,Daejeon,city,KR\n";

START_TEST(csv_errors_located)
{
    /* Unknown actor, line 3 of ties.csv (header on line 1). */
    expect_csv_error(actors_ok,
                     "from,to,type\n"
                     "tangsel,daejeon,g2g\n"
                     "tangsel,daejon,g2g\n",
                     "ties.csv:3: error: column \"to\": no actor \"daejon\" (did you mean "
                     "\"daejeon\"?)");
    /* Bad kind; a quoted field with a newline before it moves the line. */
    expect_csv_error("id,name,kind,country\n"
                     "tangsel,\"Kota\nTangerang Selatan\",city,ID\n"
                     "daejeon,Daejeon,citi,KR\n",
                     "from,to,type\ntangsel,daejeon,g2g\n",
                     "actors.csv:4: error: column \"kind\": unknown kind \"citi\" (did you mean "
                     "\"city\"?)");
    /* Ragged rows, too many and too few fields. */
    expect_csv_error(actors_ok, "from,to,type\ntangsel,daejeon,g2g,extra\n",
                     "ties.csv:2: error: row has 4 fields, the header (line 1) has 3");
    expect_csv_error(actors_ok, "from,to,type\ntangsel,daejeon\n",
                     "ties.csv:2: error: row has 2 fields, the header (line 1) has 3");
    /* A missing required column is one error at the header. */
    expect_csv_error("id,name,country\ntangsel,T,ID\n", "from,to,type\n",
                     "actors.csv:1: error: the actors table has no column \"kind\"");
    /* Malformed quoting. */
    expect_csv_error(actors_ok, "from,to,type\ntangsel,da\"ej\"eon,g2g\n",
                     "ties.csv:2:11: error: malformed quoting");
    /* Bad date and weight, located by column. */
    expect_csv_error(actors_ok, "from,to,type,since,weight\ntangsel,daejeon,g2g,20x6,1\n",
                     "ties.csv:2: error: column \"since\": expected a year");
    expect_csv_error(actors_ok, "from,to,type,weight\ntangsel,daejeon,g2g,heavy\n",
                     "ties.csv:2: error: column \"weight\": expected a number >= 0, found a "
                     "string");
    /* Not UTF-8 (Latin-1 e-acute). */
    expect_csv_error("id,name,kind,country\nx,Caf\xe9,city,ID\ny,Y,city,KR\n",
                     "from,to,type\nx,y,g2g\n",
                     "actors.csv:2: error: column \"name\": not valid UTF-8");
    /* No ties table. */
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_csv_input one = {"actors.csv", actors_ok, strlen(actors_ok), PN_CSV_DETECT};
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_csv_load(&ds, &one, 1, NULL, d), PN_EDATA);
    char *text = diag_text(d);
    ck_assert_ptr_nonnull(strstr(text, "no ties table given"));
    free(text);
    pn_diags_free(d);
}
END_TEST

START_TEST(csv_spreadsheet_dialects)
{
    /* A UTF-8 BOM, ';' as delimiter, CRLF line ends, quoted fields with the
     * delimiter, quotes and a newline inside, blank rows and padding. */
    const char actors[] = "\xEF\xBB\xBFId ; Name;KIND;country;aliases\r\n"
                          "tangsel;\"Kota; \"\"Tangsel\"\"\";city;ID;\"A|B\r\nC\"\r\n"
                          ";;;;\r\n"
                          "daejeon;대전광역시;city;KR;\r\n"
                          "\r\n";
    const char ties[] = "from;to;type;since;weight;directed;sources\r\n"
                        "tangsel;daejeon;g2g;2016-05;1.5;yes;\r\n";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(csv_load2(actors, ties, d, &ds), 0);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), 2);
    const pn_actor *a = pn_dataset_actor(ds, 0);
    ck_assert_str_eq(a->id, "tangsel");
    ck_assert_str_eq(a->name, "Kota; \"Tangsel\"");
    ck_assert_uint_eq(a->n_aliases, 2);
    ck_assert_str_eq(a->aliases[0], "A");
    ck_assert_str_eq(a->aliases[1], "B\r\nC");
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->name, "대전광역시");
    const pn_tie *t = pn_dataset_tie(ds, 0);
    ck_assert_int_eq(t->since.year, 2016);
    ck_assert_int_eq(t->since.month, 5);
    ck_assert(t->has_weight);
    ck_assert(t->weight == 1.5);
    ck_assert(t->directed);
    pn_dataset_free(ds);

    /* The delimiter given: a comma file read with ';' has one column. */
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.delimiter = ';';
    pn_csv_input in[2] = {{"actors.csv", actors_ok, strlen(actors_ok), PN_CSV_ACTORS},
                          {"ties.csv", "from,to,type\n", 13, PN_CSV_TIES}};
    ck_assert_int_eq(pn_csv_load(&ds, in, 2, &o, d), PN_EDATA);
    char *text = diag_text(d);
    ck_assert_ptr_nonnull(strstr(text, "actors.csv:1: error: the actors table has no column"));
    free(text);
    pn_diags_free(d);
}
END_TEST

START_TEST(csv_list_and_citation_encoding)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}], \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\","
        " \"aliases\": [\"x|y\", \"back\\\\slash\"], \"sources\": [{\"ref\": \"s\", \"page\": "
        "\"12@b|c\"}, \"s\"]},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"sectors\": [\"a\", "
        "\"b\"], \"x\": \"2008\", \"y\": 2008}]}");
    char *csv = NULL;
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_ACTORS, ',', &csv, NULL), 0);
    /* As docs/formats.md defines it: '|' joins, '\' escapes, id@page. */
    ck_assert_ptr_nonnull(strstr(csv, "a,A,city,ID,x\\|y|back\\\\slash,,,s@12@b\\|c|s\n"));
    free(csv);
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_TIES, ',', &csv, NULL), 0);
    /* An extra string that reads as a number is quoted JSON; the number is not. */
    ck_assert_ptr_nonnull(strstr(csv, ",x,y\n"));
    /* sectors, then directed, note, sources (no weight column: no tie has one). */
    ck_assert_ptr_nonnull(strstr(csv, "a|b,,,,\"\"\"2008\"\"\",2008\n"));
    free(csv);
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_TIES, '|', &csv, NULL), PN_EINVAL);
    pn_dataset_free(ds);
}
END_TEST

/* Load n tables given with their lengths (cells may hold NUL bytes); return
 * the code and, in *text, the formatted diagnostics (free()). */
static int csv_load_n(const pn_csv_input *in, size_t n, char **text)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_diags_set_cap(d, 0);
    pn_dataset *ds = NULL;
    int rc = pn_csv_load(&ds, in, n, NULL, d);
    ck_assert((rc == 0) == (ds != NULL));
    *text = diag_text(d);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

#define TBL(name, lit)                                                                             \
    {                                                                                              \
        name, lit, sizeof(lit) - 1, PN_CSV_DETECT                                                  \
    }

START_TEST(csv_dataset_table_one_column)
{
    /* dataset.csv with only its "field" column: one error on its header, no
     * read of the missing cell (it was freed memory, and the line array was
     * written past its end). */
    pn_csv_input in[3] = {TBL("actors.csv", "id,name,kind,country\na,A,city,KR\nb,B,city,ID\n"),
                          TBL("ties.csv", "from,to,type\na,b,g2g\n"),
                          {"dataset.csv", "field\ntitle\ndescription\n", 25, PN_CSV_DATASET}};
    char *text = NULL;
    ck_assert_int_eq(csv_load_n(in, 3, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "dataset.csv:1: error: a dataset table's columns are \"field\" "
                               "then \"value\" (this header has 1 column)") != NULL,
                  "%s", text);
    ck_assert_ptr_null(strstr(text, "dataset.csv:2"));
    free(text);
    /* Three columns are refused the same way. */
    in[2] = (pn_csv_input)TBL("dataset.csv", "field,value,x\ntitle,T,1\n");
    in[2].table = PN_CSV_DATASET;
    ck_assert_int_eq(csv_load_n(in, 3, &text), PN_EDATA);
    ck_assert_ptr_nonnull(strstr(text, "dataset.csv:1: error: a dataset table's columns"));
    free(text);
}
END_TEST

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

START_TEST(csv_messages_located)
{
    char *text = NULL;
    /* A NUL in a cell of ties.csv: that file, that line, that column. */
    pn_csv_input in[2] = {TBL("actors.csv", "id,name,kind,country\na,A,city,KR\nb,B,city,ID\n"),
                          TBL("ties.csv", "from,to,type\na,b,g2g\na,b\0x,g2g\n")};
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "ties.csv:3: error: column \"to\": the cell holds a NUL byte") !=
                      NULL,
                  "%s", text);
    ck_assert_ptr_null(strstr(text, "actors.csv"));
    free(text);
    /* CR-only line ends (old Mac): lines are counted. */
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\ra,b,g2g\ra,c,g2g\r");
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "ties.csv:3: error: column \"to\": no actor \"c\"") != NULL, "%s",
                  text);
    free(text);
    /* ... also inside a quoted field holding a lone CR. */
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\ra,\"b\rb\",g2g\ra,c,g2g\r");
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "ties.csv:4: error: column \"to\": no actor \"c\"") != NULL, "%s",
                  text);
    free(text);
    /* A Latin-1 column name: one message, on the header, the name escaped. */
    in[0] = (pn_csv_input)TBL("actors.csv",
                              "id,name,kind,country,caf\xe9\na,A,city,KR,1\nb,B,city,ID,2\n");
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\na,b,g2g\n");
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "actors.csv:1: error: column 5's name (\"caf\\xE9\") is not valid "
                               "UTF-8") != NULL,
                  "%s", text);
    ck_assert_uint_eq(count_of(text, "error"), 1);
    free(text);
    /* An unterminated quote: the line and column where it opens. */
    in[0] = (pn_csv_input)TBL("actors.csv", "id,name,kind,country\na,A,city,KR\nb,B,city,ID\n");
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\na,b,g2g\na,\"b,g2g\n");
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "ties.csv:3:3: error: the quoted field opened here is never "
                               "closed") != NULL,
                  "%s", text);
    free(text);
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\r\na,b,g2g\r\n\"a\",\"b\r\n\r\nx,g2g\r\n");
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "ties.csv:3:5: error: the quoted field opened here") != NULL, "%s",
                  text);
    free(text);
}
END_TEST

/* A growing text for generated inputs. */
typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        ck_assert_ptr_nonnull(b->data);
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

START_TEST(csv_wide_header)
{
    /* 3,000 columns, the last repeating the 5th: found through a map, the
     * message names both columns. */
    enum { N = 3000 };
    sbuf h = {0};
    sb_printf(&h, "id,name,kind,country");
    for (int i = 0; i < N; i++)
        sb_printf(&h, ",x%d", i);
    sb_printf(&h, ",x0\na,A,city,KR");
    for (int i = 0; i <= N; i++)
        sb_printf(&h, ",%d", i);
    sb_printf(&h, "\n");
    pn_csv_input in[2] = {{"actors.csv", h.data, h.len, PN_CSV_DETECT},
                          TBL("ties.csv", "from,to,type\na,a,g2g\n")};
    char *text = NULL;
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "actors.csv:1: error: column \"x0\" appears twice in the header "
                               "(columns 5 and 3005)") != NULL,
                  "%s", text);
    ck_assert_uint_eq(count_of(text, "error:"), 1);
    free(text);
    /* Without the duplicate, every field is there. */
    h.len = 0;
    sb_printf(&h, "id,name,kind,country");
    for (int i = 0; i < N; i++)
        sb_printf(&h, ",x%d", i);
    sb_printf(&h, "\na,A,city,KR");
    for (int i = 0; i < N; i++)
        sb_printf(&h, ",%d", i);
    sb_printf(&h, "\nb,B,city,ID");
    for (int i = 0; i < N; i++)
        sb_printf(&h, ",");
    sb_printf(&h, "\n");
    in[0].data = h.data;
    in[0].len = h.len;
    in[1] = (pn_csv_input)TBL("ties.csv", "from,to,type\na,b,g2g\n");
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_csv_load(&ds, in, 2, NULL, d), 0);
    char *json = canon(ds);
    ck_assert_ptr_nonnull(strstr(json, "\"x2999\": 2999"));
    ck_assert_ptr_nonnull(strstr(json, "\"x0\": 0"));
    free(json);
    pn_dataset_free(ds);
    pn_diags_free(d);
    free(h.data);
}
END_TEST

/* The dataset through CSV and back must save to the same bytes. */
static void assert_csv_round_trip(const pn_dataset *ds)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *back = through_csv(ds, ',', d);
    char *a = canon(ds), *b = canon(back);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    pn_dataset_free(back);
    pn_diags_free(d);
}

START_TEST(csv_sparse_extra_fields)
{
    /* Each actor its own extra field: past PN__CSV_MAX_EXTRA distinct names
     * they go in one JSON "attrs" column (not actors x fields cells), which
     * reads back as the same fields. */
    enum { N = 2000 };
    sbuf j = {0};
    sb_printf(&j, "{\"paranet\": 1, \"actors\": [");
    for (int i = 0; i < N; i++)
        sb_printf(&j,
                  "%s{\"id\": \"a%d\", \"name\": \"A\", \"kind\": \"city\", \"country\": "
                  "\"ID\", \"f%d\": %d}",
                  i ? "," : "", i, i, i);
    sb_printf(&j, "], \"ties\": [{\"from\": \"a0\", \"to\": \"a1\", \"type\": \"horizontal\"}]}");
    pn_dataset *ds = tu_load_text(j.data);
    char *csv = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_ACTORS, ',', &csv, &len), 0);
    ck_assert(strncmp(csv, "id,label,kind,country,aliases,region,note,sources,attrs\n", 56) == 0);
    ck_assert_ptr_nonnull(strstr(csv, "\na7,A,city,ID,,,,,\"{\"\"f7\"\":7}\"\n"));
    ck_assert_uint_lt(len, (size_t)N * 60); /* linear, not N x N */
    free(csv);
    assert_csv_round_trip(ds);
    pn_dataset_free(ds);
    free(j.data);
    /* A few extra fields keep a column each; a field named attrs goes in
     * the attrs column too, so that it reads back as itself. */
    ds = tu_load_text(
        "{\"paranet\": 1, \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\", \"x\": 1},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\", "
        "\"attrs\": {\"x\": 2}, \"y\": [1]}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"z\": true}]}");
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_TIES, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, ",sources,z\n"));
    free(csv);
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_ACTORS, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, ",sources,attrs\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\"{\"\"attrs\"\":{\"\"x\"\":2},\"\"y\"\":[1]}\""));
    free(csv);
    assert_csv_round_trip(ds);
    pn_dataset_free(ds);
    /* An attrs column that repeats a column of its own is refused. */
    pn_csv_input in[2] = {
        TBL("actors.csv", "id,name,kind,country,x,attrs\na,A,city,KR,1,\"{\"\"x\"\":2}\"\nb,B,city,"
                          "ID,,\n"),
        TBL("ties.csv", "from,to,type\na,b,g2g\n")};
    char *text = NULL;
    ck_assert_int_eq(csv_load_n(in, 2, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "actors.csv:2: error: column \"attrs\": field \"x\" is also a "
                               "column of its own") != NULL,
                  "%s", text);
    free(text);
}
END_TEST

START_TEST(csv_write_all_tables)
{
    pn_dataset *ds = tu_load_file(PN_TEST_DATA "/roundtrip/everything.json");
    char *all[PN_CSV_TABLE_COUNT];
    size_t len[PN_CSV_TABLE_COUNT];
    ck_assert_int_eq(pn_csv_write_all(ds, ';', all, len), 0);
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
        char *one = NULL;
        size_t n = 0;
        ck_assert_int_eq(pn_csv_write(ds, (pn_csv_table)t, ';', &one, &n), 0);
        ck_assert_uint_eq(n, len[t]);
        ck_assert_str_eq(one, all[t]);
        free(one);
        free(all[t]);
    }
    ck_assert_int_eq(pn_csv_write_all(ds, '|', all, len), PN_EINVAL);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(extra_keys_collector)
{
    /* 3,000 records, each with its own extra field and a shared one: every
     * name once, in first-seen order. */
    json_t *recs = json_array();
    for (int i = 0; i < 3000; i++) {
        char k[16];
        snprintf(k, sizeof(k), "f%d", i);
        json_array_append_new(recs, json_pack("{s:s,s:i,s:i}", "id", "x", "shared", 1, k, i));
    }
    pn__ix_keys k;
    pn__ix_keys_init(&k);
    ck_assert_int_eq(pn__ix_keys_records(&k, recs, PN__REC_ACTOR), 0);
    ck_assert_uint_eq(k.n, 3001);
    ck_assert_str_eq(k.names[0], "shared");
    ck_assert_str_eq(k.names[1], "f0");
    ck_assert_str_eq(k.names[3000], "f2999");
    /* shared is an integer everywhere, so a number, not a boolean. */
    ck_assert_uint_eq(k.flags[0], PN__IX_NOT_BOOL);
    /* Adding a name again gives its position, and adds nothing. */
    size_t at = 0;
    ck_assert_int_eq(pn__ix_keys_add(&k, "f7", &at), 0);
    ck_assert_uint_eq(at, 8);
    ck_assert_uint_eq(k.n, 3001);
    /* A record's extras in key order, whatever its own order. */
    json_t *o = json_pack("{s:i,s:i,s:s,s:i}", "f9", 1, "shared", 2, "id", "y", "f2", 3);
    ck_assert_uint_eq(pn__ix_keys_of(&k, o), 3);
    ck_assert_uint_eq(k.scratch[0], 0);
    ck_assert_uint_eq(k.scratch[1], 3);
    ck_assert_uint_eq(k.scratch[2], 10);
    json_decref(o);
    pn__ix_keys_free(&k);
    json_decref(recs);
}
END_TEST

/* A jansson allocator that refuses every request. */
static void *refuse_alloc(size_t n)
{
    (void)n;
    return NULL;
}

START_TEST(decode_codes)
{
    /* Bad UTF-8 and an allocation failure are told apart: the first is the
     * input's problem (a located error), the second PN_ENOMEM. */
    json_t *o = json_object();
    ck_assert_int_eq(pn__ix_decode(o, "note", "a\xC3(", 3, PN__F_STRING), PN__IX_BAD_UTF8);
    ck_assert_int_ne(PN__IX_BAD_UTF8, PN_ENOMEM);
    ck_assert_uint_eq(json_object_size(o), 0);
    json_malloc_t m;
    json_free_t f;
    json_get_alloc_funcs(&m, &f);
    json_set_alloc_funcs(refuse_alloc, f);
    int rc = pn__ix_decode(o, "note", "plain", 5, PN__F_STRING);
    json_set_alloc_funcs(m, f);
    ck_assert_int_eq(rc, PN_ENOMEM);
    ck_assert_int_eq(pn__ix_decode(o, "note", "plain", 5, PN__F_STRING), 0);
    ck_assert_str_eq(json_string_value(json_object_get(o, "note")), "plain");
    json_decref(o);
}
END_TEST

START_TEST(csv_formula_cells)
{
    /* Cells a spreadsheet would run are written after a "'" and read back
     * unchanged; plain numbers (a negative weight-like "-0.5", a phone-like
     * "+62") are not prefixed. */
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"title\": \"=HYPERLINK(\\\"x\\\")\", \"actors\": ["
        "{\"id\": \"-a\", \"name\": \"=1+2\", \"kind\": \"city\", \"country\": \"ID\","
        " \"note\": \"+62 21 555 0101\", \"region\": \"-0.5\", \"aliases\": [\"@SUM(A1)\"]},"
        "{\"id\": \"b\", \"name\": \"'=already\", \"kind\": \"city\", \"country\": \"KR\","
        " \"note\": \"\\tcmd\", \"region\": \"+62\", \"@x\": \"-y\", \"n\": -3}],"
        "\"ties\": [{\"from\": \"-a\", \"to\": \"b\", \"type\": \"g2g\", \"weight\": 0.5,"
        " \"note\": \"'plain\"}]}");
    char *csv = NULL;
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_ACTORS, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, ",'@x,"));
    ck_assert_ptr_nonnull(strstr(csv, "\n'-a,'=1+2,city,ID,'@SUM(A1),-0.5,'+62 21 555 0101,,,\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nb,''=already,city,KR,,+62,'\tcmd,,'-y,-3\n"));
    free(csv);
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_TIES, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, "\n'-a,b,,g2g,,,,,,,0.5,,'plain,\n"));
    free(csv);
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_DATASET, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, "\ntitle,\"'=HYPERLINK(\"\"x\"\")\"\n"));
    free(csv);
    assert_csv_round_trip(ds);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(csv_case_variant_fields)
{
    /* The name's column is label; an actor's extra field that would read as
     * the name (Name, label, _name: any case, after any '_') gets one '_'
     * more and reads back as itself; Name alone is still the name. */
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\", \"Name\": \"x\","
        " \" note\": \"y\", \"label\": \"l\", \"_name\": \"u\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"TYPE\": 1}]}");
    char *csv = NULL;
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_ACTORS, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, "id,label,kind,"));
    ck_assert_ptr_nonnull(strstr(csv, ",sources,\" note\",_Name,__name,_label\n"));
    free(csv);
    assert_csv_round_trip(ds);
    pn_dataset_free(ds);
    pn_csv_input in[2] = {TBL("actors.csv", "ID,Name,Kind,Country\na,A,city,KR\nb,B,city,ID\n"),
                          TBL("ties.csv", "From,To,Type\na,b,g2g\n")};
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_csv_load(&ds, in, 2, NULL, d), 0);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "A");
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

/* A spreadsheet met halfway (docs/formats.md): aliases, names as ends and
 * an edge list alone are read with warnings, which --strict refuses. */
START_TEST(csv_spreadsheet_halfway)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_csv_input el =
        TBL("ties.csv", "Source,Target,Type,Year\nKota A,b,g2g,2001\nb,Kota A,g2g,\n");
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_csv_load(&ds, &el, 1, NULL, d), 0);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), 2);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->id, "kota-a");
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "Kota A");
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->country, "ZZ");
    ck_assert_int_eq(pn_dataset_actor(ds, 1)->kind, PN_KIND_CITY);
    ck_assert_int_eq(pn_dataset_tie(ds, 0)->since.year, 2001);
    ck_assert_uint_eq(pn_dataset_tie(ds, 1)->from, 1);
    char *text = diag_text(d);
    ck_assert_uint_eq(count_of(text, "no actors table"), 1);
    ck_assert_uint_eq(count_of(text, "unknown (ZZ)"), 0); /* said once, not per actor */
    free(text);
    pn_dataset_free(ds);
    pn_diags_free(d);
    /* --strict: the alias alone refuses the load; out may be NULL. */
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.strict = true;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_csv_input two[2] = {
        TBL("actors.csv", actors_ok),
        TBL("ties.csv", "from,to,type,year,sources\ntangsel,daejeon,g2g,2001,\n")};
    ck_assert_int_eq(pn_csv_load(NULL, two, 2, &o, d), PN_EDATA);
    ds = NULL;
    ck_assert_int_eq(pn_csv_load(&ds, two, 2, &o, d), PN_EDATA);
    ck_assert_ptr_null(ds);
    pn_diags_free(d);
    /* A name of one actor is its id; in JSON as well. */
    ds = tu_load_text(
        "{\"paranet\": 1, \"actors\": ["
        "{\"id\": \"a\", \"name\": \"Kota A\", \"kind\": \"city\", \"country\": \"ID\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\","
        " \"aliases\": [\"Bee\"]}],"
        "\"ties\": [{\"from\": \"Kota A\", \"to\": \"Bee\", \"type\": \"g2g\"}]}");
    ck_assert_uint_eq(pn_dataset_tie(ds, 0)->from, 0);
    ck_assert_uint_eq(pn_dataset_tie(ds, 0)->to, 1);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(csv_depth_limit)
{
    /* An extra field's JSON cell nested 100 deep: refused where it is, with
     * the limit the JSON reader would apply (64 less the record's 3). */
    sbuf a = {0};
    sb_printf(&a, "id,name,kind,country,deep\na,A,city,KR,\"");
    for (int i = 0; i < 100; i++)
        sb_printf(&a, "[");
    for (int i = 0; i < 100; i++)
        sb_printf(&a, "]");
    sb_printf(&a, "\"\nb,B,city,ID,\"[[1]]\"\n");
    pn_csv_input in[3] = {{"actors.csv", a.data, a.len, PN_CSV_DETECT},
                          TBL("ties.csv", "from,to,type\na,b,g2g\n"),
                          TBL("dataset.csv", "field,value\nx,[[[1]]]\n")};
    char *text = NULL;
    ck_assert_int_eq(csv_load_n(in, 3, &text), PN_EDATA);
    ck_assert_msg(strstr(text,
                         "actors.csv:2: error: column \"deep\": JSON nested 100 deep, over "
                         "the limit of 61 for this field (raise it with --max-depth)") != NULL,
                  "%s", text);
    ck_assert_uint_eq(count_of(text, "error:"), 1);
    free(text);
    /* At the limit it loads, and saves JSON the reader takes back. */
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.max_depth = 103;
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_csv_load(&ds, in, 3, &o, d), 0);
    char *json = canon(ds);
    pn_dataset *back = NULL;
    pn_load_options lo = PN_LOAD_OPTIONS_INIT;
    lo.max_depth = 103;
    ck_assert_int_eq(pn_dataset_load_buffer(&back, json, strlen(json), &lo, d), 0);
    lo.max_depth = 102;
    pn_dataset_free(back);
    back = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&back, json, strlen(json), &lo, d), PN_ELIMIT);
    free(json);
    pn_dataset_free(ds);
    pn_diags_free(d);
    free(a.data);
}
END_TEST

START_TEST(csv_refers_to_own_lines)
{
    /* A message that points to another record names its file and line (the
     * blank line 3 makes actors[1] line 4, not 3). */
    pn_csv_input in[3] = {
        TBL("actors.csv", "id,name,kind,country\na,A,city,KR\n\nb,B,city,ID\na,A2,city,ID\n"),
        TBL("ties.csv", "id,from,to,type\nt1,a,b,g2g\nt1,b,a,g2g\n"),
        TBL("sources.csv", "id,cite\ns,S\n\ns,T\n")};
    char *text = NULL;
    ck_assert_int_eq(csv_load_n(in, 3, &text), PN_EDATA);
    ck_assert_msg(strstr(text,
                         "actors.csv:5: error: column \"id\": duplicate actor id \"a\" (first "
                         "at actors.csv:2)") != NULL,
                  "%s", text);
    ck_assert_ptr_nonnull(strstr(text, "duplicate tie id \"t1\" (first at ties.csv:2)"));
    ck_assert_ptr_nonnull(strstr(text, "sources.csv:4: error: column \"id\": duplicate source id "
                                       "\"s\" (first at sources.csv:2)"));
    free(text);
}
END_TEST

START_TEST(graphml_refuses_entities)
{
    static const char *const docs[] = {
        /* external entity: would read a local file */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<graphml><graph><node id=\"a\"><data key=\"n\">&x;</data></node></graph></graphml>\n",
        /* billion laughs */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
        "<graphml><graph><node id=\"a\"><data key=\"n\">&lol9;</data></node></graph></graphml>\n",
        /* external DTD only */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://example.org/x.dtd\">\n"
        "<graphml><graph/></graphml>\n"};
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        pn_diags *d = NULL;
        ck_assert_int_eq(pn_diags_new(&d), 0);
        pn_dataset *ds = NULL;
        ck_assert_int_eq(pn_graphml_load(&ds, docs[i], strlen(docs[i]), NULL, d), PN_EDATA);
        ck_assert_ptr_null(ds);
        ck_assert_uint_eq(pn_diags_count(d), 1);
        const pn_diag *g = pn_diags_get(d, 0);
        ck_assert_str_eq(g->check, "graphml-dtd");
        ck_assert_int_eq(g->line, 2);
        pn_diags_free(d);
    }
    /* An entity used without a DTD is an XML error, not expanded. */
    const char *undef = "<graphml><graph><node id=\"a\">&x;</node></graph></graphml>";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_graphml_load(&ds, undef, strlen(undef), NULL, d), PN_EDATA);
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "syntax");
    pn_diags_free(d);
}
END_TEST

/* GraphML as other tools write it: yEd's graphics, Gephi's label, unknown
 * keys, key defaults, edgedefault. */
START_TEST(graphml_generic)
{
    const char *doc =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
        "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"d1\" for=\"node\" attr.name=\"kind\" attr.type=\"string\">"
        "<default>city</default></key>\n"
        "  <key id=\"d2\" for=\"node\" attr.name=\"population\" attr.type=\"long\"/>\n"
        "  <key id=\"d3\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
        "  <key id=\"d4\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"d5\" for=\"edge\" attr.name=\"Weight\" attr.type=\"double\"/>\n"
        "  <key id=\"d6\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n"
        "  <graph id=\"G\" edgedefault=\"directed\">\n"
        "    <node id=\"n0\"><data key=\"d0\">Kota Bandung</data><data key=\"d2\">2452943</data>"
        "<data key=\"d6\">007</data>"
        "<data key=\"d3\"><y:ShapeNode><y:NodeLabel>ignored</y:NodeLabel></y:ShapeNode></data>"
        "</node>\n"
        "    <node id=\"n1\"><data key=\"d0\">Seoul</data><data key=\"d1\">province</data></node>\n"
        "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"d4\">g2g</data>"
        "<data key=\"d5\">2.5</data></edge>\n"
        "  </graph>\n</graphml>\n";
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.default_country = "ZZ";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    int rc = pn_graphml_load(&ds, doc, strlen(doc), &o, d);
    if (rc) {
        char *t = diag_text(d);
        fprintf(stderr, "%s", t);
        free(t);
    }
    ck_assert_int_eq(rc, 0);
    const pn_actor *a = pn_dataset_actor(ds, 0);
    ck_assert_str_eq(a->name, "Kota Bandung"); /* label stands for name */
    ck_assert_int_eq(a->kind, PN_KIND_CITY);   /* the key's default */
    ck_assert_str_eq(a->country, "ZZ");        /* the import default */
    ck_assert_int_eq(pn_dataset_actor(ds, 1)->kind, PN_KIND_PROVINCE);
    /* Unknown keys kept as extra fields, typed as declared; a string stays a string. */
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", 0), "{\"code\":\"007\",\"population\":2452943}");
    const pn_tie *t = pn_dataset_tie(ds, 0);
    ck_assert_str_eq(t->id, "e0");
    ck_assert(t->directed); /* edgedefault="directed" */
    ck_assert_str_eq(pn_dataset_extra(ds, "tie", 0), "{\"Weight\":2.5}");
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

START_TEST(graphml_errors_located)
{
    const char *doc = "<graphml>\n"
                      "<key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n"
                      "<key id=\"t\" for=\"edge\" attr.name=\"type\"/>\n"
                      "<graph edgedefault=\"undirected\">\n"
                      "<node id=\"a\"><data key=\"k\">city</data></node>\n"
                      "<node id=\"b\">\n<data key=\"k\">citi</data></node>\n"
                      "<edge source=\"a\" target=\"c\"><data key=\"t\">g2g</data></edge>\n"
                      "</graph></graphml>\n";
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.name = "net.graphml";
    o.default_country = "ID";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_graphml_load(&ds, doc, strlen(doc), &o, d), PN_EDATA);
    char *text = diag_text(d);
    ck_assert_msg(strstr(text, "net.graphml:7: error: node \"b\", key \"kind\": unknown kind "
                               "\"citi\" (did you mean \"city\"?)") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "net.graphml:8: error: edge a -> c, attribute \"target\": no "
                               "actor \"c\"") != NULL,
                  "%s", text);
    /* Node a has no name at all: the record's line. */
    ck_assert_msg(strstr(text, "net.graphml:5: error: node \"a\": missing field \"name\"") != NULL,
                  "%s", text);
    free(text);
    pn_diags_free(d);
    /* Not XML at all. */
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_graphml_load(&ds, "{\"paranet\": 1}", 14, NULL, d), PN_EDATA);
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "syntax");
    pn_diags_free(d);
}
END_TEST

START_TEST(gexf_export)
{
    pn_dataset *ds = tu_load_file(PN_TEST_DATA "/roundtrip/everything.json");
    char *x = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_gexf_write(ds, &x, &len), 0);
    ck_assert_uint_eq(strlen(x), len);
    /* GEXF 1.2draft (NetworkX 2.8 reads no later version); check_gexf.c has the rest. */
    ck_assert_ptr_nonnull(strstr(x, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
    ck_assert_ptr_nonnull(strstr(x, "version=\"1.2\""));
    ck_assert_ptr_nonnull(strstr(x, "mode=\"dynamic\" defaultedgetype=\"directed\""));
    /* t-all: since 2016, until 2021-12-31, directed (tangsel to daejeon), weight 0.1, type g2g. */
    const char *t_all = strstr(x, "<edge id=\"t-all\" source=\"tangsel\" target=\"daejeon\" "
                                  "kind=\"g2g\" label=\"g2g\" weight=\"0.1\" "
                                  "start=\"2016-01-01\" end=\"2021-12-31\">");
    ck_assert_ptr_nonnull(t_all);
    const char *t_end = strstr(t_all, "</edge>");
    const char *t_dir = strstr(t_all, "<attvalue for=\"directed\" value=\"true\"/>");
    ck_assert_ptr_nonnull(t_dir);
    ck_assert(t_dir < t_end);
    /* since "2015-05" starts on the month's first day; an LoI is an event, in
     * force in its own year only (docs/views.md); until 2022 ends on its last day. */
    ck_assert_ptr_nonnull(strstr(x, "start=\"2015-05-01\" end=\"2015-12-31\">"));
    /* No lifetime to state: the stalled sister city has no since, the
     * planned approval never came into effect. */
    ck_assert_ptr_nonnull(strstr(x, "<attvalue for=\"timeline\" value=\"undated\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<attvalue for=\"timeline\" value=\"never\"/>"));
    /* The ended investment gives an until (2022) but no since: undated, so no
     * lifetime is written (it used to end on 2022-12-31 with no start). */
    ck_assert_ptr_null(strstr(x, "end=\"2022-12-31\""));
    /* Kinds as attributes; text escaped for XML. */
    ck_assert_ptr_nonnull(strstr(x, "<attvalue for=\"kind\" value=\"regency\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "label=\"An NGO, &quot;with quotes&quot;\""));
    ck_assert_ptr_null(strstr(x, "<!DOCTYPE"));
    free(x);
    pn_dataset_free(ds);
    /* A year-only until ends on the year's last day. */
    ds = tu_load_text(
        "{\"paranet\": 1, \"sources\": [], \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"instrument\": "
        "\"mou\", \"since\": 2016, \"until\": 2022}]}");
    ck_assert_int_eq(pn_gexf_write(ds, &x, NULL), 0);
    ck_assert_ptr_nonnull(strstr(x, "start=\"2016-01-01\" end=\"2022-12-31\">"));
    free(x);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(formats_by_name)
{
    ck_assert_int_eq(pn_format_from_path("a/b.GraphML"), PN_FORMAT_GRAPHML);
    ck_assert_int_eq(pn_format_from_path("net.gexf"), PN_FORMAT_GEXF);
    ck_assert_int_eq(pn_format_from_path("out/"), PN_FORMAT_CSV);
    ck_assert_int_eq(pn_format_from_path("x.gv"), PN_FORMAT_DOT);
    ck_assert_int_eq(pn_format_from_path("dir.d/file"), PN_FORMAT_UNKNOWN);
    ck_assert_int_eq(pn_format_parse("JSON"), PN_FORMAT_JSON);
    ck_assert_int_eq(pn_format_parse("xlsx"), PN_FORMAT_UNKNOWN);
    ck_assert_str_eq(pn_format_name(PN_FORMAT_GEXF), "gexf");
    ck_assert_str_eq(pn_csv_table_name(PN_CSV_SOURCES), "sources");
}
END_TEST

/* ---- merge ------------------------------------------------------------ */

static pn_dataset *load_named(const char *text, const char *name)
{
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    o.name = name;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), &o, NULL), 0);
    return ds;
}

/* Breadth-first over ties, either direction. */
static bool connected(const pn_dataset *ds, const char *from, const char *to, const char *via)
{
    size_t n = pn_dataset_actor_count(ds), s, t, v;
    ck_assert_int_eq(pn_dataset_find_actor(ds, from, &s), 0);
    ck_assert_int_eq(pn_dataset_find_actor(ds, to, &t), 0);
    ck_assert_int_eq(pn_dataset_find_actor(ds, via, &v), 0);
    /* every path must pass `via` when it is removed and the ends fall apart */
    bool reach[2] = {false, false};
    for (int pass = 0; pass < 2; pass++) {
        bool *seen = calloc(n, 1);
        size_t *queue = calloc(n, sizeof(size_t));
        size_t head = 0, tail = 0;
        seen[s] = true;
        queue[tail++] = s;
        while (head < tail) {
            size_t u = queue[head++];
            for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
                const pn_tie *e = pn_dataset_tie(ds, i);
                size_t w = e->from == u ? e->to : e->to == u ? e->from : n;
                if (w == n || seen[w] || (pass == 1 && w == v))
                    continue;
                seen[w] = true;
                queue[tail++] = w;
            }
        }
        reach[pass] = seen[t];
        free(seen);
        free(queue);
    }
    return reach[0] && !reach[1];
}

START_TEST(merge_shipped)
{
    size_t la, lb;
    char *ta = tu_read(PN_DATASETS "/tangsel.json", &la);
    char *tb = tu_read(PN_DATASETS "/bandung.json", &lb);
    pn_dataset *a = load_named(ta, "tangsel.json"), *b = load_named(tb, "bandung.json");
    pn_merge_input in[2] = {{a, "tangsel.json", ta, la}, {b, "bandung.json", tb, lb}};
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *m = NULL;
    ck_assert_int_eq(pn_dataset_merge(&m, in, 2, PN_MERGE_STOP, d), 0);
    /* 29 + 3 actors, bandung and seoul in both: 30; sources 4 + 3, the
     * gazetteer (twin-cities-wikidata, same cite) in both: 6; no tie of one
     * file repeats one of the other, so 46 + 7 ties. */
    ck_assert_uint_eq(pn_dataset_actor_count(m), 30);
    ck_assert_uint_eq(pn_dataset_source_count(m), 6);
    ck_assert_uint_eq(pn_dataset_tie_count(m), 53);
    ck_assert_int_eq(pn_dataset_validate(m, NULL, NULL), 0);
    /* Bandung links the studies: Petaling Jaya (only in bandung.json) reaches
     * Tangerang Selatan, and only through Bandung. */
    ck_assert(connected(m, "tangsel", "petaling-jaya", "bandung"));
    pn_dataset_free(m);
    pn_diags_free(d);
    pn_dataset_free(a);
    pn_dataset_free(b);
    free(ta);
    free(tb);
}
END_TEST

static const char merge_a[] =
    "{\n\"paranet\": 1, \"title\": \"A\",\n"
    "\"sources\": [{\"id\": \"s\", \"cite\": \"Study A\"}, {\"id\": \"shared\", \"cite\": "
    "\"Same\"}],\n"
    "\"actors\": [\n"
    "{\"id\": \"x\", \"name\": \"Kota X\", \"kind\": \"city\", \"country\": \"ID\"},\n"
    "{\"id\": \"y\", \"name\": \"Y\", \"kind\": \"city\", \"country\": \"KR\"}],\n"
    "\"ties\": [{\"id\": \"t1\", \"from\": \"x\", \"to\": \"y\", \"type\": \"g2g\", "
    "\"instrument\": \"mou\", \"since\": 2016, \"sources\": [\"s\"]}]}\n";
static const char merge_b[] =
    "{\n\"paranet\": 1, \"title\": \"B\",\n"
    "\"sources\": [{\"id\": \"s\", \"cite\": \"Study B\"}, {\"id\": \"shared\", \"cite\": "
    "\"Same\", \"year\": 2020}],\n"
    "\"actors\": [\n"
    "{\"id\": \"y\", \"name\": \"Y\", \"kind\": \"city\", \"country\": \"KR\"},\n"
    "{\"id\": \"x\", \"name\": \"X City\", \"kind\": \"city\", \"country\": \"ID\"}],\n"
    "\"ties\": [{\"from\": \"x\", \"to\": \"y\", \"type\": \"g2g\", \"instrument\": \"mou\", "
    "\"since\": 2016, \"sources\": [\"s\", \"shared\"]},\n"
    "{\"id\": \"t1\", \"from\": \"y\", \"to\": \"x\", \"type\": \"g2g\", \"instrument\": "
    "\"visit\", \"sources\": [\"s\"]}]}\n";

START_TEST(merge_conflicts)
{
    pn_dataset *a = load_named(merge_a, "a.json"), *b = load_named(merge_b, "b.json");
    pn_merge_input in[2] = {{a, "a.json", merge_a, strlen(merge_a)},
                            {b, "b.json", merge_b, strlen(merge_b)}};
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *m = NULL;
    /* Actor x: "Kota X" in a.json line 5, "X City" in b.json line 6. */
    ck_assert_int_eq(pn_dataset_merge(&m, in, 2, PN_MERGE_STOP, d), PN_EDATA);
    ck_assert_ptr_null(m);
    char *text = diag_text(d);
    ck_assert_msg(strstr(text, "b.json:6:1: error: actors[1]: actor \"x\": name \"X City\" here, "
                               "\"Kota X\" in a.json:5:1 (actors[0])") != NULL,
                  "%s", text);
    free(text);
    pn_diags_clear(d);

    ck_assert_int_eq(pn_dataset_merge(&m, in, 2, PN_MERGE_LAST, d), 0);
    size_t x;
    ck_assert_int_eq(pn_dataset_find_actor(m, "x", &x), 0);
    const pn_actor *ax = pn_dataset_actor(m, x);
    ck_assert_str_eq(ax->name, "X City");
    ck_assert_uint_eq(ax->n_aliases, 1); /* the name not kept */
    ck_assert_str_eq(ax->aliases[0], "Kota X");
    /* Source "s" cites two works: b.json's is renamed s-2; "shared" is one. */
    ck_assert_uint_eq(pn_dataset_source_count(m), 3);
    size_t s2, sh;
    ck_assert_int_eq(pn_dataset_find_source(m, "s-2", &s2), 0);
    ck_assert_str_eq(pn_dataset_source(m, s2)->cite, "Study B");
    ck_assert_int_eq(pn_dataset_find_source(m, "shared", &sh), 0);
    ck_assert_int_eq(pn_dataset_source(m, sh)->year, 2020);
    /* The MoU tie is in both: one tie citing s (a), s-2 and shared (b). */
    ck_assert_uint_eq(pn_dataset_tie_count(m), 2);
    const pn_tie *t = pn_dataset_tie(m, 0);
    ck_assert_str_eq(t->id, "t1");
    ck_assert_uint_eq(t->n_sources, 3);
    ck_assert_str_eq(pn_dataset_source(m, t->sources[1].source)->id, "s-2");
    ck_assert_str_eq(pn_dataset_source(m, t->sources[2].source)->id, "shared");
    /* b.json's other tie "t1" is another tie: renamed. */
    ck_assert_str_eq(pn_dataset_tie(m, 1)->id, "t1-2");
    ck_assert_str_eq(pn_dataset_title(m), "B");
    text = diag_text(d);
    ck_assert_ptr_nonnull(strstr(text, "b.json:3:"));
    ck_assert_ptr_nonnull(strstr(text, "renamed \"s-2\""));
    free(text);
    pn_dataset_free(m);
    pn_diags_clear(d);

    ck_assert_int_eq(pn_dataset_merge(&m, in, 2, PN_MERGE_FIRST, d), 0);
    ck_assert_int_eq(pn_dataset_find_actor(m, "x", &x), 0);
    ck_assert_str_eq(pn_dataset_actor(m, x)->name, "Kota X");
    ck_assert_str_eq(pn_dataset_title(m), "A");
    pn_dataset_free(m);
    ck_assert_int_eq(pn_dataset_merge(&m, in, 0, PN_MERGE_FIRST, d), PN_EINVAL);
    pn_diags_free(d);
    pn_dataset_free(a);
    pn_dataset_free(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("interchange");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, roundtrip_everything);
    tcase_add_test(tc, roundtrip_datasets);
    tcase_add_test(tc, documented_losses);
    tcase_add_test(tc, csv_errors_located);
    tcase_add_test(tc, csv_spreadsheet_dialects);
    tcase_add_test(tc, csv_list_and_citation_encoding);
    tcase_add_test(tc, csv_dataset_table_one_column);
    tcase_add_test(tc, csv_messages_located);
    tcase_add_test(tc, csv_wide_header);
    tcase_add_test(tc, csv_sparse_extra_fields);
    tcase_add_test(tc, csv_write_all_tables);
    tcase_add_test(tc, extra_keys_collector);
    tcase_add_test(tc, csv_formula_cells);
    tcase_add_test(tc, csv_case_variant_fields);
    tcase_add_test(tc, csv_depth_limit);
    tcase_add_test(tc, csv_spreadsheet_halfway);
    tcase_add_test(tc, csv_refers_to_own_lines);
    tcase_add_test(tc, graphml_refuses_entities);
    tcase_add_test(tc, graphml_generic);
    tcase_add_test(tc, graphml_errors_located);
    tcase_add_test(tc, gexf_export);
    tcase_add_test(tc, formats_by_name);
    tcase_add_test(tc, merge_shipped);
    tcase_add_test(tc, merge_conflicts);
    tcase_add_test(tc, decode_codes);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
