/* The default caption of a table for a paper (docs/metrics.md, "Tables for
 * papers"): what the table is, in words, never the command line.
 *
 *   "Betweenness of the 25 actors of “Kota Tangerang Selatan (Tangsel)”,
 *    g2g ties in force in 2016, reported and inferred ties only (3
 *    recommended or proposed ties left out)."
 *
 * The command gives the subject (report_set_subject: "Betweenness of the
 * 25 actors"); the pipeline adds the dataset's name and the view in words.
 */
#ifndef PN_CAPTION_H
#define PN_CAPTION_H

#include <stdbool.h>
#include <stddef.h>

#include <paranet.h>

/* The view in words ("g2g ties in force in 2016, reported and inferred ties
 * only (3 recommended or proposed ties left out)"), with the counts of ties
 * the view leaves out for their basis and for having no date. A new string
 * (free()), or NULL when out of memory. */
char *caption_view(const pn_view *v, const pn_dataset *ds, size_t basis_dropped,
                   size_t undated_dropped);

/* The dataset's short name: its title up to the first ": " ("Kota Tangerang
 * Selatan (Tangsel)"), or the file name when it has no title. A new string
 * (free()), or NULL. */
char *caption_dataset(const pn_dataset *ds, const char *file);

#endif
