/* paranet: the closed vocabulary of the dataset format.
 *
 * Kinds of actor, types of tie, statuses and instruments. Each value has a
 * name used in files ("sister-city") and a one-line meaning used in messages
 * and documentation. docs/format.md lists the same tables.
 */
#ifndef PARANET_VOCAB_H
#define PARANET_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X(ENUM, "name", "meaning") */
#define PN_KIND_MAP(X)                                                                             \
    X(CITY, "city", "a municipal government (kota, city, metropolitan city)")                      \
    X(REGENCY, "regency", "an Indonesian kabupaten or a similar second-level local government")    \
    X(PROVINCE, "province", "a first-level sub-national government (province, state, region)")     \
    X(MINISTRY, "ministry", "a national ministry or ministerial office")                           \
    X(AGENCY, "agency", "a government body below a ministry, or a local government's department")  \
    X(UNIVERSITY, "university", "a university or other higher-education institution")              \
    X(RESEARCH, "research", "a research institute or science park")                                \
    X(FIRM, "firm", "a private or state-owned company")                                            \
    X(ORGANISATION, "organisation", "an international organisation or forum of governments")       \
    X(NGO, "ngo", "a non-governmental, non-profit organisation")

#define PN_TYPE_MAP(X)                                                                             \
    X(G2G, "g2g", "government to government across countries: friendship, sister city")            \
    X(B2B, "b2b", "business to business: between firms")                                           \
    X(G2B, "g2b", "government and business: licensing, facilitation, investment")                  \
    X(HORIZONTAL, "horizontal", "between sub-national governments of one country: learning")       \
    X(VERTICAL, "vertical", "between national and local government: regulation, approval")         \
    X(ACADEMIC, "academic", "with universities and research bodies: research and education")       \
    X(MEMBERSHIP, "membership", "an actor's membership of an international organisation")

#define PN_STATUS_MAP(X)                                                                           \
    X(PLANNED, "planned", "announced or proposed, not yet signed or started")                      \
    X(SIGNED, "signed", "signed, not yet carried out")                                             \
    X(IMPLEMENTED, "implemented", "carried out (a programme that took place)")                     \
    X(ACTIVE, "active", "in force and working")                                                    \
    X(STALLED, "stalled", "started or signed, then stopped moving")                                \
    X(FAILED, "failed", "planned or signed, never carried out")                                    \
    X(ENDED, "ended", "was in force, has ended")

/* What a tie rests on: the first is the default. Views leave recommended and
 * proposed ties out unless asked (docs/views.md). */
#define PN_BASIS_MAP(X)                                                                            \
    X(REPORTED, "reported", "the study reports the relation (the default)")                        \
    X(RECOMMENDED, "recommended", "the study's author recommends it: advice, not a relation")      \
    X(PROPOSED, "proposed", "proposed or aimed at by a party, not (yet) a relation")               \
    X(INFERRED, "inferred", "the coder's inference from the text, not a statement of it")

/* The first five are the formalisation ladder, in order. */
#define PN_INSTRUMENT_MAP(X)                                                                       \
    X(VISIT, "visit", "an informal or official visit (ladder rung 1)")                             \
    X(LOI, "loi", "a letter of intent (ladder rung 2)")                                            \
    X(MOU, "mou", "a memorandum of understanding, e.g. of friendship cooperation (rung 3)")        \
    X(SISTER_CITY, "sister-city", "a sister-city memorandum: formal twinning (rung 4)")            \
    X(AGREEMENT, "agreement", "a cooperation agreement, operational (rung 5)")                     \
    X(PROGRAMME, "programme", "a programme or project carried out under a relation")               \
    X(INVESTMENT, "investment", "an investment made")                                              \
    X(REGULATION, "regulation", "a law or regulation that binds the other end")                    \
    X(APPROVAL, "approval", "an approval or permission given")                                     \
    X(ADOPTION, "adoption", "the adoption of another actor's practice")                            \
    X(WITNESS, "witness", "an official's witnessing of a signing")                                 \
    X(OTHER, "other", "anything else; the tie's note says what")

#define PN_X(e, name, meaning) PN_KIND_##e,
typedef enum pn_kind { PN_KIND_MAP(PN_X) PN_KIND_COUNT } pn_kind;
#undef PN_X
#define PN_X(e, name, meaning) PN_TYPE_##e,
typedef enum pn_tie_type { PN_TYPE_MAP(PN_X) PN_TYPE_COUNT } pn_tie_type;
#undef PN_X
/* Optional fields: PN_..._NONE (-1) means the file does not give one. */
#define PN_X(e, name, meaning) PN_STATUS_##e,
typedef enum pn_status { PN_STATUS_NONE = -1, PN_STATUS_MAP(PN_X) PN_STATUS_COUNT } pn_status;
#undef PN_X
#define PN_X(e, name, meaning) PN_INSTRUMENT_##e,
typedef enum pn_instrument {
    PN_INSTRUMENT_NONE = -1,
    PN_INSTRUMENT_MAP(PN_X) PN_INSTRUMENT_COUNT
} pn_instrument;
#undef PN_X

#define PN_X(e, name, meaning) PN_BASIS_##e,
typedef enum pn_basis { PN_BASIS_MAP(PN_X) PN_BASIS_COUNT } pn_basis;
#undef PN_X

/** The five closed vocabularies. */
typedef enum pn_vocab {
    PN_VOCAB_KIND,
    PN_VOCAB_TYPE,
    PN_VOCAB_STATUS,
    PN_VOCAB_INSTRUMENT,
    PN_VOCAB_BASIS
} pn_vocab;

/** Number of values in a vocabulary. */
PN_EXTERN size_t pn_vocab_size(pn_vocab vocab);

/** The field name the vocabulary is used for ("kind", "type", "status", "instrument", "basis"). */
PN_EXTERN const char *pn_vocab_field(pn_vocab vocab);

/** The file name of a value ("sister-city"), or NULL when out of range. */
PN_EXTERN const char *pn_vocab_name(pn_vocab vocab, int value);

/** The one-line meaning of a value, or NULL when out of range. */
PN_EXTERN const char *pn_vocab_meaning(pn_vocab vocab, int value);

/** Look a name up (exact, case-sensitive). @return the value, or -1 when unknown. */
PN_EXTERN int pn_vocab_parse(pn_vocab vocab, const char *name);

/**
 * Look a name up as a spreadsheet writes it: exactly, or else ignoring
 * ASCII case, spaces at either end, and ' ' or '_' for '-' ("MoU" is
 * "mou", "Sister City" is "sister-city"). *exact (may be NULL) says which.
 * @return the value, or -1 when neither finds it.
 */
PN_EXTERN int pn_vocab_match(pn_vocab vocab, const char *name, bool *exact);

/** The known value nearest to name by edit distance (at most 3 edits), or NULL. */
PN_EXTERN const char *pn_vocab_suggest(pn_vocab vocab, const char *name);

/** Typed shorthands for pn_vocab_name. */
PN_EXTERN const char *pn_kind_name(pn_kind kind);
PN_EXTERN const char *pn_tie_type_name(pn_tie_type type);
PN_EXTERN const char *pn_status_name(pn_status status);
PN_EXTERN const char *pn_instrument_name(pn_instrument instrument);
PN_EXTERN const char *pn_basis_name(pn_basis basis);

/** True for kinds that are governments: city, regency, province, ministry, agency. */
PN_EXTERN bool pn_kind_is_government(pn_kind kind);

/**
 * True for the instruments that are events, in force in their own year (or
 * from since to until when both are given): visit, loi, witness, approval,
 * adoption. The others (mou, sister-city, agreement, programme, investment,
 * regulation, other, and no instrument) are standing relations, in force
 * from since until until, or until a status ends them (docs/views.md).
 */
PN_EXTERN bool pn_instrument_is_event(pn_instrument instrument);

/** Rung of an instrument on the formalisation ladder (visit 1 ... agreement 5), 0 when off it. */
PN_EXTERN int pn_instrument_rung(pn_instrument instrument);

/**
 * True when code is an ISO 3166-1 alpha-2 code ("ID", "KR"), "XK" (Kosovo: the
 * one user-assigned code paranet accepts, as the EU and Wikidata use it), or
 * "ZZ" (unknown). Upper case only.
 */
PN_EXTERN bool pn_country_valid(const char *code);

/** The English short name of a valid code ("South Korea", "Kosovo"); "Unknown" for ZZ; NULL if
 * invalid. */
PN_EXTERN const char *pn_country_name(const char *code);

/** How pn_country_lookup found (or did not find) its text. */
typedef enum pn_country_match {
    PN_COUNTRY_NONE,          /**< no code, no name: unknown */
    PN_COUNTRY_CODE,          /**< a valid code exactly as the format writes it ("ID") */
    PN_COUNTRY_CODE_SPELLING, /**< a valid code in lower case or with spaces around it ("id") */
    PN_COUNTRY_NAME,          /**< a country's name or alias ("Korea Selatan", "UK") */
    PN_COUNTRY_AMBIGUOUS      /**< a name that two translations give to two countries */
} pn_country_match;

/**
 * The code a country is given by, as people write it in a spreadsheet: a
 * valid code (pn_country_valid) in any case; a name from Debian's iso-codes
 * (ISO 3166-1 name, common name and official name) in English or in any of
 * its translations ("Indonesia", "Südkorea", "Corée du Sud", "Jerman",
 * "Deutschland", "대한민국"); its alpha-3 code ("IDN"); or an alias from the
 * documented list (docs/format.md: "UK", "USA", "Korsel", "Holland", "England"
 * for GB, ...). Names match ignoring case, diacritics ("Turkiye"), and runs of
 * ' ', '-', '_' (docs/format.md, "Countries"). An English name or an alias
 * wins over a translation; a name two translations give to two countries is
 * ambiguous and gives no code.
 * @param how may be NULL; set to how the text was matched.
 * @return the code (a static string), or NULL.
 */
PN_EXTERN const char *pn_country_lookup(const char *text, pn_country_match *how);

/**
 * The code of the known country name nearest to text (1 edit for names of 4
 * to 7 bytes, 2 from 8; the same first letter), for "did you mean"; NULL when
 * none is that near.
 */
PN_EXTERN const char *pn_country_suggest(const char *text);

/** Levenshtein edit distance between two strings, bytewise, capped at `cap` (returns cap+1 beyond).
 */
PN_EXTERN size_t pn_edit_distance(const char *a, const char *b, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
